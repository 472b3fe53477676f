import { listInstitutionsPerGroup } from '$lib/server/institutions/institutions.service';
import { countryName } from '$lib/i18n/format';
import { todayIn } from '$lib/server/guides/planner.service';
import { listEvents, listNews } from '$lib/server/news/news.service';
import { presentEvent } from '$lib/server/news/present';
import { formatDate } from '$lib/i18n/format';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

const FOCUS = ['KZ', 'CN'];
/** The home page shows a handful per country; the institutions page lists them all. */
const PER_GROUP = 8;

export const load: PageServerLoad = async ({ locals }) => {
	// Three independent reads, at once.
	const [institutions, events, news] = await Promise.all([
		listInstitutionsPerGroup(locals.ctx, { focus: FOCUS, perGroup: PER_GROUP }),
		listEvents(locals.ctx, { when: 'upcoming', today: todayIn('UTC'), limit: 4 }),
		listNews(locals.ctx, { limit: 3 })
	]);
	return {
		institutions: institutions.map((i) => ({ ...i, country: countryName(i.countryCode, locals.locale) })),
		focusCountries: FOCUS.map((code) => ({ code, name: countryName(code, locals.locale) })),
		events: events.map((e) => presentEvent(e, locals.locale)),
		news: news.map((n) => ({ ...n, date: formatDate(n.publishedAt, locals.locale, 'long') }))
	};
};
