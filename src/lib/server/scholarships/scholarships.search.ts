import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../platform/context';
import { indexDocuments, searchTexts, type SearchDocument, type SearchSource } from '../search/search.service';
import { scholarship } from './scholarships.tables';

function scholarshipDocument(s: Pick<typeof scholarship.$inferSelect, 'slug' | 'name' | 'provider' | 'summary'>): SearchDocument {
	return { kind: 'scholarship', path: `/scholarships/${s.slug}`, title: s.name, summary: s.provider, titles: searchTexts(s.name), body: searchTexts(s.name, s.provider, s.summary) };
}

/** Puts a published scholarship in the index (or updates it). */
export const indexScholarship = (ctx: Pick<ServiceContext, 'db'>, s: typeof scholarship.$inferSelect) => indexDocuments(ctx, [scholarshipDocument(s)]);

export const SCHOLARSHIP_SEARCH: SearchSource = {
	kind: 'scholarship',
	documents: async (db) => (await db.select().from(scholarship).where(eq(scholarship.status, 'published'))).map(scholarshipDocument)
};
