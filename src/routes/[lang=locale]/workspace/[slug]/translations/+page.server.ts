import { isLocale, LOCALES } from '$lib/i18n/locales';
import { translationCoverage } from '$lib/server/content/attention.service';
import { loadOrError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const coverage = await loadOrError(event, () => translationCoverage(event.locals.ctx, institution.id));
	const requested = event.url.searchParams.get('lang');
	const chosen = isLocale(requested) ? requested : (LOCALES.find((l) => l !== coverage.sourceLocale && coverage.byLocale[l].length) ?? LOCALES.find((l) => l !== coverage.sourceLocale)!);
	return { coverage, chosen };
};
