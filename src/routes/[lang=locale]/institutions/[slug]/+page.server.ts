import { getPublicInstitution } from '$lib/server/institutions/institutions.service';
import { loadOrError } from '$lib/server/http';
import { listInstitutionProgrammes } from '$lib/server/programmes/programmes.service';
import { countryName, formatDate } from '$lib/i18n/format';
import { todayIn } from '$lib/server/guides/planner.service';
import { institutionNewsAndEvents } from '$lib/server/news/news.service';
import { presentEvent } from '$lib/server/news/present';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const inst = await loadOrError(event, () => getPublicInstitution(event.locals.ctx, event.params.slug));
	return {
		programmes: await listInstitutionProgrammes(event.locals.ctx, inst.id),
		...(await institutionNewsAndEvents(event.locals.ctx, inst.id, todayIn('UTC')).then(({ news, upcoming }) => ({
			news: news.map((n) => ({ ...n, date: formatDate(n.publishedAt, event.locals.locale, 'long') })),
			events: upcoming.map((e) => presentEvent(e, event.locals.locale))
		}))),
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
