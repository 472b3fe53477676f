import { eq } from 'drizzle-orm';
import type { LocalizedText } from '$lib/i18n/localized-text';
import { institutionDirectory } from '../institutions/institutions.views';
import type { ServiceContext } from '../platform/context';
import { indexDocuments, searchTexts, type SearchDocument, type SearchSource } from '../search/search.service';
import { programme } from './programmes.tables';

type IndexedProgramme = Pick<typeof programme.$inferSelect, 'slug' | 'title' | 'summary'>;

function programmeDocument(p: IndexedProgramme, institutionSlug: string, institutionName: LocalizedText): SearchDocument {
	return {
		kind: 'programme',
		path: `/institutions/${institutionSlug}/programmes/${p.slug}`,
		title: p.title,
		summary: institutionName,
		titles: searchTexts(p.title),
		body: searchTexts(p.title, p.summary, institutionName)
	};
}

/** Puts published programmes of one institution in the index (or updates them). */
export const indexProgrammes = (ctx: Pick<ServiceContext, 'db'>, institutionSlug: string, institutionName: LocalizedText, rows: IndexedProgramme[]) =>
	indexDocuments(ctx, rows.map((p) => programmeDocument(p, institutionSlug, institutionName)));

export const PROGRAMME_SEARCH: SearchSource = {
	kind: 'programme',
	documents: async (db) =>
		(
			await db
				.select({ p: programme, slug: institutionDirectory.slug, name: institutionDirectory.name })
				.from(programme)
				.innerJoin(institutionDirectory, eq(institutionDirectory.id, programme.institutionId))
				.where(eq(programme.status, 'published'))
		).map(({ p, slug, name }) => programmeDocument(p, slug, name))
};
