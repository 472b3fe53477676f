import { z } from 'zod';
import { contentFieldNames, readContentForm } from '$lib/content-form';
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES } from '$lib/content-kinds';
import { cleanLocalizedText, type LocalizedText } from '$lib/i18n/localized-text';
import { editableContent } from '../content/editorial';
import { isoDateInput, localizedInput, slugInput } from '../editing/content-inputs';
import { parseInput } from '../platform/validation';
import { libraryDocument } from './news.tables';

/**
 * The documents library of an institution (leaflets, posters, reports…), on the shared workflow.
 * Its fields, kinds and languages are the form spec's ($lib/content-kinds.ts).
 */
const FIELDS = contentFieldNames('documents');

export interface DocumentData {
	slug: string;
	kind: (typeof DOCUMENT_KINDS)[number];
	language: string;
	url: string;
	publishedOn: string;
	title: LocalizedText;
}

/** Its keys are the form spec's fields ($lib/content-form.test.ts compares them). */
export const documentInputSchema = z.object({
	slug: slugInput,
	kind: z.enum(DOCUMENT_KINDS, 'error_choose_one'),
	language: z.enum(DOCUMENT_LANGUAGES, 'error_choose_one'),
	// A web page or file elsewhere, or a PDF from the media library.
	url: z
		.string()
		.trim()
		.max(300, 'error_too_long')
		.refine((v) => /^https?:\/\/[^\s]+$/i.test(v) || /^\/media\/[0-9a-f-]{36}\/document\.pdf$/.test(v), 'error_document_url'),
	publishedOn: isoDateInput,
	title: localizedInput(300)
});

/** The editor's form read by the form spec. */
export function documentInputFromForm(input: Record<string, string>) {
	return readContentForm('documents', input);
}

export const documentEditing = editableContent<DocumentData>({
	entityType: 'document',
	table: libraryDocument,
	translated: FIELDS.translated,
	required: ['title'],
	sourceRequired: 'title',
	plain: FIELDS.plain,
	slugScope: 'institution',
	parse(input) {
		const data = parseInput(documentInputSchema, input);
		return { ...data, title: cleanLocalizedText(data.title) };
	},
	fromRow: (row) => ({
		slug: row.slug,
		kind: row.kind as DocumentData['kind'],
		language: row.language as string,
		url: row.url as string,
		publishedOn: row.publishedOn as string,
		title: row.title as LocalizedText
	}),
	toRow: (data) => ({ ...data }),
	listOrder: libraryDocument.publishedOn,
	// The library page lists documents; search does not index them.
	index: async () => {},
	unindex: async () => {}
});
