import { isLocale, LOCALES, type Locale } from '$lib/i18n/locales';
import { pageOf } from '$lib/pagination';
import { translationCoverage } from '$lib/server/content/attention.service';
import { loadOrError } from '$lib/server/http';
import { wholeNumberParam } from '$lib/server/platform/query-params';
import type { PageServerLoad } from './$types';

/** The work list of one language, this many entries a page. */
const PAGE_SIZE = 100;

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const coverage = await loadOrError(event, () => translationCoverage(event.locals.ctx, institution.id));
	const requested = event.url.searchParams.get('lang');
	const chosen = isLocale(requested) ? requested : (LOCALES.find((l) => l !== coverage.sourceLocale && coverage.byLocale[l].length) ?? LOCALES.find((l) => l !== coverage.sourceLocale)!);
	return {
		sourceLocale: coverage.sourceLocale,
		counts: Object.fromEntries(LOCALES.map((l) => [l, coverage.byLocale[l].length])) as Record<Locale, number>,
		chosen,
		entries: pageOf(coverage.byLocale[chosen], { page: wholeNumberParam(event.url.searchParams.get('page')) }, { pageSize: PAGE_SIZE })
	};
};
