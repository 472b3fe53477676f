import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../platform/context';
import { indexDocuments, searchTexts, type SearchDocument, type SearchSource } from '../search/search.service';
import { event, newsItem } from './news.tables';

function newsDocument(n: typeof newsItem.$inferSelect): SearchDocument {
	return { kind: 'news', path: `/news/${n.slug}`, title: n.title, summary: n.summary, titles: searchTexts(n.title), body: searchTexts(n.title, n.summary, n.body), visibleFrom: n.publishedAt };
}

function eventDocument(e: typeof event.$inferSelect): SearchDocument {
	return { kind: 'event', path: `/events/${e.slug}`, title: e.title, summary: e.summary, titles: searchTexts(e.title), body: searchTexts(e.title, e.summary, e.city) };
}

/** Puts a published news item in the index (or updates it); scheduled ones become findable on time. */
export const indexNews = (ctx: Pick<ServiceContext, 'db'>, n: typeof newsItem.$inferSelect) => indexDocuments(ctx, [newsDocument(n)]);

/** Puts a published event in the index (or updates it). */
export const indexEvent = (ctx: Pick<ServiceContext, 'db'>, e: typeof event.$inferSelect) => indexDocuments(ctx, [eventDocument(e)]);

export const NEWS_SEARCH: SearchSource = {
	kind: 'news',
	documents: async (db) => (await db.select().from(newsItem).where(eq(newsItem.status, 'published'))).map(newsDocument)
};

export const EVENT_SEARCH: SearchSource = {
	kind: 'event',
	documents: async (db) => (await db.select().from(event).where(eq(event.status, 'published'))).map(eventDocument)
};
