import type { SearchSource } from '../search/search.service';
import { countryNames, searchTexts } from '../search/search.service';
import { countryGuide } from './guides.tables';

/** Country guides, found by the country's name in any language and by their texts. */
export const GUIDE_SEARCH: SearchSource = {
	kind: 'guide',
	documents: async (db) =>
		(await db.select().from(countryGuide)).map((g) => ({
			kind: 'guide',
			path: `/countries/${g.countryCode.toLowerCase()}`,
			title: countryNames(g.countryCode),
			summary: g.summary,
			titles: searchTexts(countryNames(g.countryCode)),
			body: searchTexts(countryNames(g.countryCode), g.summary, g.creditSystem, g.gradeScale, g.academicCalendar, g.insurance)
		}))
};
