import { formatDate } from '$lib/i18n/format';
import { listNews } from '$lib/server/news/news.service';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => ({
	news: (await listNews(locals.ctx)).map((n) => ({ ...n, date: formatDate(n.publishedAt, locals.locale, 'long') }))
});
