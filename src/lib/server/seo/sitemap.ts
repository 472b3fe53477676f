import { eq } from 'drizzle-orm';
import { LOCALES, LOCALE_TAGS } from '$lib/i18n/locales';
import { countryGuide } from '../guides/guides.tables';
import { institution } from '../institutions/institutions.tables';
import type { ServiceContext } from '../platform/context';
import { programme } from '../programmes/programmes.tables';
import { scholarship } from '../scholarships/scholarships.tables';
import { event, newsItem } from '../news/news.tables';
import { newsIsPublic } from '../news/news.service';

/** Every public page path (without the locale prefix), with when it last changed where known. */
export async function publicPaths(ctx: ServiceContext): Promise<{ path: string; lastmod?: string }[]> {
	const [institutions, programmes, scholarships, guides, news, events] = await Promise.all([
		ctx.db.select({ slug: institution.slug, updatedAt: institution.updatedAt }).from(institution),
		ctx.db
			.select({ slug: programme.slug, institutionSlug: institution.slug, updatedAt: programme.updatedAt })
			.from(programme)
			.innerJoin(institution, eq(institution.id, programme.institutionId))
			.where(eq(programme.status, 'published')),
		ctx.db.select({ slug: scholarship.slug, updatedAt: scholarship.updatedAt }).from(scholarship).where(eq(scholarship.status, 'published')),
		ctx.db.select({ code: countryGuide.countryCode, updatedAt: countryGuide.updatedAt }).from(countryGuide),
		ctx.db
			.select({ slug: newsItem.slug, updatedAt: newsItem.updatedAt })
			.from(newsItem)
			.where(newsIsPublic()),
		ctx.db.select({ slug: event.slug, updatedAt: event.updatedAt }).from(event).where(eq(event.status, 'published'))
	]);
	const day = (d: Date) => d.toISOString().slice(0, 10);
	return [
		...['', '/institutions', '/programmes', '/scholarships', '/countries', '/costs', '/arrival-planner', '/verify'].map((path) => ({ path })),
		...institutions.map((i) => ({ path: `/institutions/${i.slug}`, lastmod: day(i.updatedAt) })),
		...programmes.map((p) => ({ path: `/institutions/${p.institutionSlug}/programmes/${p.slug}`, lastmod: day(p.updatedAt) })),
		...scholarships.map((s) => ({ path: `/scholarships/${s.slug}`, lastmod: day(s.updatedAt) })),
		...guides.map((g) => ({ path: `/countries/${g.code.toLowerCase()}`, lastmod: day(g.updatedAt) })),
		...['/news', '/events', '/documents'].map((path) => ({ path })),
		...news.map((n) => ({ path: `/news/${n.slug}`, lastmod: day(n.updatedAt) })),
		...events.map((e) => ({ path: `/events/${e.slug}`, lastmod: day(e.updatedAt) }))
	];
}

const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** sitemap.xml: each page in every locale, each entry naming its alternates (hreflang). */
export function renderSitemap(origin: string, paths: { path: string; lastmod?: string }[]) {
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
