import { LOCALES, LOCALE_TAGS } from '$lib/i18n/locales';
import type { ServiceContext } from '../platform/context';

/** A public page path (without the locale prefix), with when it last changed where known. */
export interface SitemapPath {
	path: string;
	lastmod?: string;
}

/** A module's public pages (institution profiles, programmes, news, …), registered at boot. */
export type SitemapSource = (ctx: ServiceContext) => Promise<SitemapPath[]>;

const sources: SitemapSource[] = [];

export function registerSitemapSource(source: SitemapSource) {
	if (!sources.includes(source)) sources.push(source);
}

/** The day part of a time, as sitemaps give `lastmod`. */
export const sitemapDay = (d: Date) => d.toISOString().slice(0, 10);

/** Pages of the portal itself (finders, tools) that no module's record stands behind. */
const PORTAL_PAGES = ['', '/institutions', '/programmes', '/scholarships', '/countries', '/costs', '/arrival-planner', '/verify'];

/** Every public page path: the portal's own pages, then each registered source's. */
export async function publicPaths(ctx: ServiceContext): Promise<SitemapPath[]> {
	const lists = await Promise.all(sources.map((source) => source(ctx)));
	return [...PORTAL_PAGES.map((path) => ({ path })), ...lists.flat()];
}

const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** sitemap.xml: each page in every locale, each entry naming its alternates (hreflang). */
export function renderSitemap(origin: string, paths: SitemapPath[]) {
	const entries = paths.flatMap(({ path, lastmod }) =>
		LOCALES.map((locale) => {
			const alternates = LOCALES.map(
				(alt) => `<xhtml:link rel="alternate" hreflang="${LOCALE_TAGS[alt]}" href="${escapeXml(`${origin}/${alt}${path}`)}"/>`
			).join('');
			return `<url><loc>${escapeXml(`${origin}/${locale}${path}`)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}${alternates}</url>`;
		})
	);
	return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
}

/** Pages per sitemap file: × 4 locales stays under the protocol's 50,000 URLs. */
export const PATHS_PER_SITEMAP = 10_000;

/** A sitemap index pointing at numbered sitemap files, for platforms too large for one file. */
export function renderSitemapIndex(origin: string, files: number) {
	const entries = Array.from({ length: files }, (_, i) => `<sitemap><loc>${escapeXml(`${origin}/sitemaps/${i + 1}.xml`)}</loc></sitemap>`);
	return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
}
