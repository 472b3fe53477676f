import { eq } from 'drizzle-orm';
import { sitemapDay, type SitemapSource } from '../seo/sitemap';
import { newsIsPublic } from './news.service';
import { event, newsItem } from './news.tables';

/** The news, events and documents pages, and every public article and event (registered with the sitemap at boot). */
export const NEWS_PAGES: SitemapSource = async (ctx) => {
	const [news, events] = await Promise.all([
		ctx.db.select({ slug: newsItem.slug, updatedAt: newsItem.updatedAt }).from(newsItem).where(newsIsPublic(ctx.clock.now())),
		ctx.db.select({ slug: event.slug, updatedAt: event.updatedAt }).from(event).where(eq(event.status, 'published'))
	]);
	return [
		...['/news', '/events', '/documents'].map((path) => ({ path })),
		...news.map((n) => ({ path: `/news/${n.slug}`, lastmod: sitemapDay(n.updatedAt) })),
		...events.map((e) => ({ path: `/events/${e.slug}`, lastmod: sitemapDay(e.updatedAt) }))
	];
};
