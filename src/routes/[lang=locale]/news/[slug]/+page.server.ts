import { formatDate } from '$lib/i18n/format';
import { resolveText } from '$lib/i18n/localized-text';
import { renderMarkdown } from '$lib/server/editing/markdown';
import { loadOrError } from '$lib/server/http';
import { getNews } from '$lib/server/news/news.service';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const row = await loadOrError(event, () => getNews(event.locals.ctx, event.params.slug));
	const body = resolveText(row.news.body, event.locals.locale);
	return {
		item: {
			title: row.news.title,
			summary: row.news.summary,
			publishedAt: row.news.publishedAt,
			isDemo: row.news.isDemo,
			date: formatDate(row.news.publishedAt, event.locals.locale, 'long'),
			institutionSlug: row.institutionSlug,
			institutionShortName: row.institutionShortName,
			body: body ? { html: renderMarkdown(body.text), locale: body.locale, isFallback: body.isFallback } : null
		}
	};
};
