import { formatDate } from '$lib/i18n/format';
import { loadOrError } from '$lib/server/http';
import { getNews } from '$lib/server/news/news.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const row = await loadOrError(event, () => getNews(event.locals.ctx, event.params.slug));
	return { item: { ...row.news, date: formatDate(row.news.publishedAt, event.locals.locale, 'long'), institutionSlug: row.institutionSlug, institutionShortName: row.institutionShortName } };
};
