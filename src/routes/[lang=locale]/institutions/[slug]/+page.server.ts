import { getPublicInstitution } from '$lib/server/institutions/institutions.service';
import { loadOrError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const inst = await loadOrError(event, () => getPublicInstitution(event.locals.ctx, event.params.slug));
	return {
		institution: {
			slug: inst.slug,
			shortName: inst.shortName,
			name: inst.name,
			description: inst.description,
			city: inst.city,
			countryCode: inst.countryCode,
			defaultLocale: inst.defaultLocale,
			locales: inst.locales,
			website: inst.website,
			isDemo: inst.isDemo,
			updatedAt: inst.updatedAt
		}
	};
};
