import type { SearchDocument, SearchSource } from '../search/search.service';
import { countryNames, searchTexts } from '../search/search.service';
import { institution } from './institutions.tables';

/** An institution's profile page as search finds it (short name, names, city, description, country). */
export function institutionDocument(i: typeof institution.$inferSelect): SearchDocument {
	return {
		kind: 'institution',
		path: `/institutions/${i.slug}`,
		title: i.name,
		summary: i.city,
		titles: `${searchTexts(i.name)} ${i.shortName.toLowerCase()}`,
		body: `${i.shortName.toLowerCase()} \n ${searchTexts(i.name, i.city, i.description, countryNames(i.countryCode))}`
	};
}

export const INSTITUTION_SEARCH: SearchSource = {
	kind: 'institution',
	documents: async (db) => (await db.select().from(institution)).map(institutionDocument)
};
