import { redirect } from '@sveltejs/kit';
import { resolveText } from '$lib/i18n/localized-text';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, runForm } from '$lib/server/http';
import { listPartners } from '$lib/server/partners/partners.service';
import { createAgreement, editorChoices } from '$lib/server/agreements/agreements.service';
import { contentOf, unitOptions, withOneMoreCondition } from '$lib/server/agreements/agreement-pages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const { ctx, locale } = event.locals;
	const partnerId = event.url.searchParams.get('partner');
	const [directory, choices] = await loadOrError(event, () => Promise.all([listPartners(ctx, institution.id), editorChoices(ctx, institution.id, partnerId)]));
	const name = (p: { name: Parameters<typeof resolveText>[0]; heiId: string }) => resolveText(p.name, locale)?.text ?? p.heiId;
	return {
		partners: directory.partners.filter((p) => p.platformInstitutionId !== institution.id).map((p) => ({ value: p.id, label: `${name(p)} (${p.heiId})` })),
		partner: choices.partner ? { id: choices.partner.partner.id, name: name(choices.partner.partner) } : null,
		kind: event.url.searchParams.get('kind') ?? 'erasmus',
		ownUnits: unitOptions(choices.own, locale),
		partnerUnits: unitOptions(choices.partner, locale)
	};
};

async function choicesFor(event: RequestEvent) {
	const institution = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
	const partnerId = event.url.searchParams.get('partner');
	return { institution, partnerId, choices: await loadOrError(event, () => editorChoices(event.locals.ctx, institution.id, partnerId)) };
}

export const actions: Actions = {
	save: async (event) => {
		const { institution, partnerId, choices } = await choicesFor(event);
		const outcome = await runForm(event, (input) => createAgreement(event.locals.ctx, institution.id, partnerId ?? '', { kind: input.kind, content: contentOf(input, choices) }));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${event.params.slug}/agreements/${outcome.result.id}?created=1`);
	},
	addCondition: async (event) => {
		const outcome = await runForm(event, async (input) => withOneMoreCondition(input));
		return outcome.ok ? outcome.result : outcome.failure;
	}
};
