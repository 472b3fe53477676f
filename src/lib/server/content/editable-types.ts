import type { ContentKind } from '$lib/content-kinds';
import { eventEditing, eventInputFromForm } from '../news/event-editing.service';
import { faqEditing, faqInputFromForm } from '../news/faq-editing.service';
import { documentEditing, documentInputFromForm } from '../news/document-editing.service';
import { newsEditing, newsInputFromForm } from '../news/news-editing.service';
import { scholarshipEditing, scholarshipInputFromForm } from '../scholarships/scholarship-editing.service';
import { programmeEditing, programmeInputFromForm } from '../programmes/programme-editing.service';
import type { editableContent } from './editorial';

/** The workflow functions of any content type, seen without its particular fields. */
export type EditableService = ReturnType<typeof editableContent<{ slug: string }>>;

/** The service and form reader of each workspace content type (forms: $lib/content-kinds.ts). */
const EDITABLE: Record<ContentKind, { service: EditableService; inputFromForm: (input: Record<string, string>) => unknown }> = {
	news: { service: newsEditing, inputFromForm: newsInputFromForm },
	events: { service: eventEditing, inputFromForm: eventInputFromForm },
	faq: { service: faqEditing, inputFromForm: faqInputFromForm },
	documents: { service: documentEditing, inputFromForm: documentInputFromForm },
	scholarships: { service: scholarshipEditing, inputFromForm: scholarshipInputFromForm },
	programmes: { service: programmeEditing, inputFromForm: programmeInputFromForm }
};

export const editable = (kind: ContentKind) => EDITABLE[kind];
