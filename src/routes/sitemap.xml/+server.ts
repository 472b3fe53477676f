import { publicPaths, renderSitemap } from '$lib/server/seo/sitemap';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) =>
	new Response(renderSitemap(url.origin, await publicPaths(locals.ctx)), {
		headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});
