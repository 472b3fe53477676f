import { formatDate } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { resolveText } from '$lib/i18n/localized-text';
import { loadOrError } from '$lib/server/http';
import { listNewsForEditing } from '$lib/server/news/news-editing.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const items = await loadOrError(event, () => listNewsForEditing(event.locals.ctx, institution.id));
	const locale = event.locals.locale;
	return {
		items: items.map((n) => ({
			...n,
			titleText: resolveText(n.title, locale, institution.defaultLocale as Locale)?.text ?? n.slug,
			date: formatDate(n.publishedAt, locale),
			gapCounts: Object.entries(n.gaps)
				.map(([lang, g]) => ({ lang, missing: g.missing.length, stale: g.stale.length }))
				.filter((g) => g.missing || g.stale)
		}))
	};
};
