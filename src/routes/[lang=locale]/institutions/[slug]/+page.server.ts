import { getPublicInstitution } from '$lib/server/institutions/institutions.service';
import { loadOrError } from '$lib/server/http';
import { listInstitutionProgrammes } from '$lib/server/programmes/programmes.service';
import { countryName } from '$lib/i18n/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const inst = await loadOrError(event, () => getPublicInstitution(event.locals.ctx, event.params.slug));
	return {
		programmes: await listInstitutionProgrammes(event.locals.ctx, inst.id),
		institution: {
			slug: inst.slug,
			shortName: inst.shortName,
			name: inst.name,
			description: inst.description,
			city: inst.city,
			countryCode: inst.countryCode,
			country: countryName(inst.countryCode, event.locals.locale),
			defaultLocale: inst.defaultLocale,
			locales: inst.locales,
			website: inst.website,
			isDemo: inst.isDemo,
			updatedAt: inst.updatedAt
		}
	};
};
