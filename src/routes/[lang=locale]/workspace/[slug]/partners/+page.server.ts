import { countryName } from '$lib/i18n/format';
import { resolveText } from '$lib/i18n/localized-text';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, runForm } from '$lib/server/http';
import { addPlatformPartner, listPartners } from '$lib/server/partners/partners.service';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const { ctx, locale } = event.locals;
	const q = event.url.searchParams.get('q') ?? '';
	const country = event.url.searchParams.get('country') ?? '';
	const directory = await loadOrError(event, () => listPartners(ctx, institution.id, { q, country }));
	const name = (text: Parameters<typeof resolveText>[0]) => resolveText(text, locale)?.text ?? '';
	const countries = [...new Set([...directory.partners, ...directory.onPlatform].map((p) => p.countryCode))];
	return {
		hasOwnEntry: directory.partners.some((p) => p.platformInstitutionId === institution.id),
		filters: { q, country },
		countries: countries.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
		partners: directory.partners.map((p) => ({ ...p, name: name(p.name), city: name(p.city), country: countryName(p.countryCode, locale), isOwn: p.platformInstitutionId === institution.id })),
		onPlatform: directory.onPlatform.map((p) => ({ ...p, name: name(p.name), city: name(p.city), country: countryName(p.countryCode, locale), isOwn: p.id === institution.id }))
	};
};

export const actions: Actions = {
	/** Adds an institution of the platform (or the institution's own entry) and opens it. */
	addPlatform: async (event) => {
		const institution = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, (input) => addPlatformPartner(event.locals.ctx, institution.id, input.institution ?? ''));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${event.params.slug}/partners/${outcome.result.id}?added=1`);
	}
};
