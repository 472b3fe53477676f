import { backupJob } from '../backup/backup';
import { registerContentType, registerInstitutionContent } from '../content/content-types';
import { UPKEEP_JOB } from '../db/upkeep';
import { COSTS_CONTENT } from '../costs/costs.content';
import { GUIDE_SEARCH } from '../guides/guides.search';
import { GUIDE_PAGES } from '../guides/guides.sitemap';
import { FACTSHEET_CONTENT, PROFILE_CONTENT } from '../institutions/institutions.content';
import { INSTITUTION_SEARCH } from '../institutions/institutions.search';
import { INSTITUTION_PAGES } from '../institutions/institutions.sitemap';
import { registerProfilePhotoCheck } from '../institutions/institutions.service';
import { EWP_REGISTRY_JOB } from '../ewp-node/registry.service';
import { registerJob } from '../jobs/jobs';
import { LETTER_CASE_DATA } from '../letters/letters.privacy';
import { MAIL_JOB } from '../mail/mail-job';
import { MEDIA_CONTENT } from '../media/media.content';
import { isInstitutionImage } from '../media/media.service';
import { documentEditing, documentInputFromForm } from '../news/document-editing.service';
import { eventEditing, eventInputFromForm } from '../news/event-editing.service';
import { faqEditing, faqInputFromForm } from '../news/faq-editing.service';
import { newsEditing, newsInputFromForm } from '../news/news-editing.service';
import { EVENT_SEARCH, NEWS_SEARCH } from '../news/news.search';
import { NEWS_PAGES } from '../news/news.sitemap';
import { programmeEditing, programmeInputFromForm } from '../programmes/programme-editing.service';
import { listProgrammesForExport } from '../programmes/programme-import.service';
import { PROGRAMME_SEARCH } from '../programmes/programmes.search';
import { PROGRAMME_PAGES } from '../programmes/programmes.sitemap';
import { scholarshipEditing, scholarshipInputFromForm } from '../scholarships/scholarship-editing.service';
import { SCHOLARSHIP_SEARCH } from '../scholarships/scholarships.search';
import { SCHOLARSHIP_PAGES } from '../scholarships/scholarships.sitemap';
import { registerSitemapSource } from '../seo/sitemap';
import { registerSearchSource } from '../search/search.service';
import { registerCaseDataHolder } from '../welcome/case-data';
import { RETENTION_JOB } from '../welcome/privacy.service';
import { REMINDER_JOB } from '../welcome/reminders';
import type { Config } from '../platform/config';

/**
 * What modules contribute to the shared engines, registered once at boot (imported by
 * boot/platform.ts): the engines import no module, the modules import the engines.
 */
for (const source of [INSTITUTION_SEARCH, PROGRAMME_SEARCH, SCHOLARSHIP_SEARCH, GUIDE_SEARCH, NEWS_SEARCH, EVENT_SEARCH]) registerSearchSource(source);

for (const source of [INSTITUTION_PAGES, PROGRAMME_PAGES, SCHOLARSHIP_PAGES, GUIDE_PAGES, NEWS_PAGES]) registerSitemapSource(source);

registerCaseDataHolder(LETTER_CASE_DATA);

// Background jobs (the scheduler starts in app.ts unless RUN_JOBS=false).
for (const job of [MAIL_JOB, REMINDER_JOB, RETENTION_JOB, EWP_REGISTRY_JOB]) registerJob(job);
registerProfilePhotoCheck(isInstitutionImage);

// The content engine: the workspace's editable types (in the order the workspace lists them)
// and the other parts of an institution's content (its export and the translators' list).
for (const section of [PROFILE_CONTENT, FACTSHEET_CONTENT]) registerInstitutionContent(section);
registerContentType({ kind: 'news', service: newsEditing, inputFromForm: newsInputFromForm });
registerContentType({ kind: 'events', service: eventEditing, inputFromForm: eventInputFromForm });
registerContentType({ kind: 'faq', service: faqEditing, inputFromForm: faqInputFromForm });
registerContentType({ kind: 'documents', service: documentEditing, inputFromForm: documentInputFromForm });
registerContentType({ kind: 'scholarships', service: scholarshipEditing, inputFromForm: scholarshipInputFromForm });
// A file exported and imported back changes nothing: programmes export as their import reads them.
registerContentType({ kind: 'programmes', service: programmeEditing, inputFromForm: programmeInputFromForm, exportRows: listProgrammesForExport });
for (const section of [COSTS_CONTENT, MEDIA_CONTENT]) registerInstitutionContent(section);

/** Jobs that only some configurations run: startPlatform registers them once it has read the configuration. */
export function registerConfiguredJobs(config: Config) {
	if (config.backupDir) registerJob(backupJob(config));
	if (!config.databaseUrl) registerJob(UPKEEP_JOB);
}
