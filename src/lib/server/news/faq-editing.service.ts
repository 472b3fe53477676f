import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { contentFieldNames, readContentForm } from '$lib/content-form';
import { cleanLocalizedText, type LocalizedText } from '$lib/i18n/localized-text';
import { editableContent } from '../content/editorial';
import { localizedInput, slugInput } from '../editing/content-inputs';
import type { ServiceContext } from '../platform/context';
import { parseInput } from '../platform/validation';
import { faqItem } from './news.tables';

/** An institution's questions and answers, edited with the shared workflow (content/editorial.ts). */
const FIELDS = contentFieldNames('faq');
/** Its fields are the form spec's ($lib/content-kinds.ts), in form order; both are required. */
export const FAQ_TRANSLATED_FIELDS = FIELDS.translated;

export interface FaqData {
	slug: string;
	position: number;
	question: LocalizedText;
	answer: LocalizedText;
}

/** Its keys are the form spec's fields ($lib/content-form.test.ts compares them). */
export const faqInputSchema = z.object({
	slug: slugInput,
	position: z.coerce.number('error_import_number').int('error_import_number').min(0, 'error_import_number').max(10_000, 'error_import_number'),
	question: localizedInput(300),
	answer: localizedInput(5_000)
});

/** The editor's form read by the form spec (a blank position is 100, the spec's `ifBlank`). */
export function faqInputFromForm(input: Record<string, string>) {
	return readContentForm('faq', input);
}

export const faqEditing = editableContent<FaqData>({
	entityType: 'faq',
	table: faqItem,
	translated: FAQ_TRANSLATED_FIELDS,
	required: FAQ_TRANSLATED_FIELDS,
	sourceRequired: 'question',
	plain: FIELDS.plain,
	slugScope: 'institution',
	parse(input) {
		const data = parseInput(faqInputSchema, input);
		return { slug: data.slug, position: data.position, question: cleanLocalizedText(data.question), answer: cleanLocalizedText(data.answer) };
	},
	fromRow: (row) => ({ slug: row.slug, position: row.position as number, question: row.question as LocalizedText, answer: row.answer as LocalizedText }),
	toRow: (data) => ({ ...data }),
	listOrder: faqItem.updatedAt,
	// Answers are shown on the institution's profile, which search already finds.
	index: async () => {},
	unindex: async () => {}
});

/** The published questions of an institution, in their order, for its profile. */
export async function listPublicFaq(ctx: ServiceContext, institutionId: string) {
	return ctx.db
		.select({ slug: faqItem.slug, question: faqItem.question, answer: faqItem.answer })
		.from(faqItem)
		.where(and(eq(faqItem.institutionId, institutionId), eq(faqItem.status, 'published')))
		.orderBy(asc(faqItem.position), asc(faqItem.slug));
}
