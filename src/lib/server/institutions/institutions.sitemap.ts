import { sitemapDay, type SitemapSource } from '../seo/sitemap';
import { institution } from './institutions.tables';

/** Every institution's profile page (registered with the sitemap at boot). */
export const INSTITUTION_PAGES: SitemapSource = async (ctx) =>
	(await ctx.db.select({ slug: institution.slug, updatedAt: institution.updatedAt }).from(institution)).map((i) => ({ path: `/institutions/${i.slug}`, lastmod: sitemapDay(i.updatedAt) }));
