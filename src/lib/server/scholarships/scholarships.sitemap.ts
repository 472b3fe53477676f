import { eq } from 'drizzle-orm';
import { sitemapDay, type SitemapSource } from '../seo/sitemap';
import { scholarship } from './scholarships.tables';

/** Every published scholarship's page (registered with the sitemap at boot). */
export const SCHOLARSHIP_PAGES: SitemapSource = async (ctx) =>
	(await ctx.db.select({ slug: scholarship.slug, updatedAt: scholarship.updatedAt }).from(scholarship).where(eq(scholarship.status, 'published'))).map((s) => ({
		path: `/scholarships/${s.slug}`,
		lastmod: sitemapDay(s.updatedAt)
	}));
