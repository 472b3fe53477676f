import { GUIDE_SEARCH } from '../guides/guides.search';
import { INSTITUTION_SEARCH } from '../institutions/institutions.search';
import { LETTER_CASE_DATA } from '../letters/letters.privacy';
import { EVENT_SEARCH, NEWS_SEARCH } from '../news/news.search';
import { PROGRAMME_SEARCH } from '../programmes/programmes.search';
import { SCHOLARSHIP_SEARCH } from '../scholarships/scholarships.search';
import { registerSearchSource } from '../search/search.service';
import { registerCaseDataHolder } from '../welcome/case-data';

/**
 * What modules contribute to the shared engines, registered once at boot (imported by
 * boot/platform.ts): the engines import no module, the modules import the engines.
 */
for (const source of [INSTITUTION_SEARCH, PROGRAMME_SEARCH, SCHOLARSHIP_SEARCH, GUIDE_SEARCH, NEWS_SEARCH, EVENT_SEARCH]) registerSearchSource(source);
registerCaseDataHolder(LETTER_CASE_DATA);
