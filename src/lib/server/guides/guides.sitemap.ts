import { sitemapDay, type SitemapSource } from '../seo/sitemap';
import { countryGuide } from './guides.tables';

/** Every country guide (registered with the sitemap at boot). */
export const GUIDE_PAGES: SitemapSource = async (ctx) =>
	(await ctx.db.select({ code: countryGuide.countryCode, updatedAt: countryGuide.updatedAt }).from(countryGuide)).map((g) => ({
		path: `/countries/${g.code.toLowerCase()}`,
		lastmod: sitemapDay(g.updatedAt)
	}));
