import { error } from '@sveltejs/kit';
import { PATHS_PER_SITEMAP, publicPaths, renderSitemap } from '$lib/server/seo/sitemap';
import type { RequestHandler } from './$types';

/** /sitemaps/N.xml: the N-th slice of public pages, when sitemap.xml is an index. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const n = /^([1-9]\d{0,3})\.xml$/.exec(params.file)?.[1];
	if (!n) error(404, 'Not found');
	const paths = await publicPaths(locals.ctx);
	const slice = paths.slice((Number(n) - 1) * PATHS_PER_SITEMAP, Number(n) * PATHS_PER_SITEMAP);
	if (!slice.length) error(404, 'Not found');
	return new Response(renderSitemap(url.origin, slice), { headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
};
