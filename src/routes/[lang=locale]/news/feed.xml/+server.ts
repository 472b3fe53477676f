import { t } from '$lib/i18n/messages';
import { newsToAtom } from '$lib/server/news/calendar';
import { listNews } from '$lib/server/news/news.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) =>
	new Response(
		newsToAtom(await listNews(locals.ctx, { limit: 30 }), locals.locale, url.origin, `${t('brand', locals.locale)} · ${t('news_title', locals.locale)}`, t('brand', locals.locale)),
		{ headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=600' } }
	);
