import { PATHS_PER_SITEMAP, publicPaths, renderSitemap, renderSitemapIndex } from '$lib/server/seo/sitemap';
import type { RequestHandler } from './$types';

const headers = { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' };

/** One sitemap while it fits; beyond that, an index of numbered sitemaps. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const paths = await publicPaths(locals.ctx);
	const body = paths.length <= PATHS_PER_SITEMAP ? renderSitemap(url.origin, paths) : renderSitemapIndex(url.origin, Math.ceil(paths.length / PATHS_PER_SITEMAP));
	return new Response(body, { headers });
};
