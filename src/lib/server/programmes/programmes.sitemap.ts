import { eq } from 'drizzle-orm';
import { institutionDirectory } from '../institutions/institutions.views';
import { sitemapDay, type SitemapSource } from '../seo/sitemap';
import { programme } from './programmes.tables';

/** Every published programme's page (registered with the sitemap at boot). */
export const PROGRAMME_PAGES: SitemapSource = async (ctx) =>
	(
		await ctx.db
			.select({ slug: programme.slug, institutionSlug: institutionDirectory.slug, updatedAt: programme.updatedAt })
			.from(programme)
			.innerJoin(institutionDirectory, eq(institutionDirectory.id, programme.institutionId))
			.where(eq(programme.status, 'published'))
	).map((p) => ({ path: `/institutions/${p.institutionSlug}/programmes/${p.slug}`, lastmod: sitemapDay(p.updatedAt) }));
