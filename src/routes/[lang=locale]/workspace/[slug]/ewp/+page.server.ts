import { resolveText } from '$lib/i18n/localized-text';
import { formatDateTime } from '$lib/i18n/format';
import { loadOrError, runForm, workspaceAction } from '$lib/server/http';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { echoPartner } from '$lib/server/ewp-node/checks.service';
import { ewpHostFor, rotateEwpKey, updateEwpHost } from '$lib/server/ewp-node/hosts.service';
import { hostBaseUrl } from '$lib/server/ewp-node/manifest';
import { refreshRegistryNow, registryStatus } from '$lib/server/ewp-node/registry.service';
import { listPartners } from '$lib/server/partners/partners.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const { ctx, locale } = event.locals;
	const [host, registry, directory] = await Promise.all([
		loadOrError(event, () => ewpHostFor(ctx, institution.id)),
		loadOrError(event, () => registryStatus(ctx, institution.id)),
		loadOrError(event, () => listPartners(ctx, institution.id))
	]);
	const at = (d: Date | null) => (d ? formatDateTime(d, locale) : null);
	return {
		host: {
			heiId: host.heiId,
			enabled: host.enabled,
			adminEmail: host.adminEmail,
			version: host.version,
			manifestUrl: host.heiId && host.enabled ? `${hostBaseUrl(ctx, host.heiId)}/manifest.xml` : null
		},
		keys: host.keys.map((k) => ({ id: k.id, purpose: k.purpose, fingerprint: k.fingerprint, createdAt: at(k.createdAt)!, replacedAt: at(k.replacedAt) })),
		log: host.log.map((l) => ({ id: l.id, at: at(l.at)!, direction: l.direction, api: l.api, party: l.party, status: l.status, message: l.message })),
		registry: { ...registry, fetchedAt: at(registry.fetchedAt), checkedAt: at(registry.checkedAt) },
		partners: directory.partners.filter((p) => p.heiId !== host.heiId).map((p) => ({ heiId: p.heiId, name: resolveText(p.name, locale)?.text ?? p.heiId }))
	};
};

export const actions: Actions = {
	save: (event) => workspaceAction(event, updateEwpHost, 'saved'),
	rotate: (event) => workspaceAction(event, rotateEwpKey, 'rotated'),
	refresh: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, () => refreshRegistryNow(event.locals.ctx, inst.id));
		if (!outcome.ok) return outcome.failure;
		return { refreshed: outcome.result.error === null, refreshError: outcome.result.error };
	},
	echo: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		let heiId = '';
		const outcome = await runForm(event, (input) => {
			heiId = input.heiId ?? '';
			return echoPartner(event.locals.ctx, inst.id, input);
		});
		if (!outcome.ok) return outcome.failure;
		return { echo: outcome.result, echoHei: heiId };
	}
};
