import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { contentFieldNames, readContentForm } from '$lib/content-form';
import { cleanLocalizedText, type LocalizedText } from '$lib/i18n/localized-text';
import { ISCED_BROAD_FIELDS, PROGRAMME_LEVELS, START_TERMS, type ProgrammeLevel } from '$lib/programmes/taxonomy';
import { editableContent, type Snapshot } from '../content/editorial';
import { isoDateInput, localizedInput, optionalWholeInput, slugInput } from '../editing/content-inputs';
import { institutionDirectory } from '../institutions/institutions.views';
import type { ServiceContext } from '../platform/context';
import { invalidInput } from '../platform/errors';
import { parseInput } from '../platform/validation';
import { removeFromIndex } from '../search/search.service';
import { indexProgrammes } from './programmes.search';
import { latestRates, tuitionInEuros } from './exchange-rates';
import type { ImportedProgramme } from './programme-import';
import { programme } from './programmes.tables';

/**
 * Editing one programme with the shared editorial workflow (content/editorial.ts). A snapshot
 * has the shape of an imported spreadsheet row, so imports and the editor write the same
 * revisions (programme-import.service.ts).
 */
const FIELDS = contentFieldNames('programmes');
/** Its fields are the form spec's ($lib/content-kinds.ts), in form order. */
export const PROGRAMME_TRANSLATED_FIELDS = FIELDS.translated;
// The summary is optional, as in the spreadsheet: many programme lists have none.
export const PROGRAMME_REQUIRED_FIELDS = ['title'] as const;
export type ProgrammeData = ImportedProgramme;
export type ProgrammeSnapshot = Snapshot<ProgrammeData>;

const optionalDate = z.union([z.literal(''), isoDateInput]).transform((v) => v || null);

/** Its keys are the form spec's fields ($lib/content-form.test.ts compares them). */
export const programmeInputSchema = z
	.object({
		slug: slugInput,
		level: z.enum(PROGRAMME_LEVELS, 'error_import_level'),
		iscedCode: z
			.string()
			.trim()
			.refine((v) => /^\d{2,4}$/.test(v) && (ISCED_BROAD_FIELDS as readonly string[]).includes(v.slice(0, 2)), 'error_import_isced'),
		languages: z
			.union([z.string(), z.array(z.string())])
			.transform((v) => [...new Set((Array.isArray(v) ? v : v.split(/[\s,;|/]+/)).map((l) => l.trim().toLowerCase()).filter(Boolean))])
			.refine((codes) => codes.length > 0, 'error_required')
			.refine((codes) => codes.every((l) => /^[a-z]{2}$/.test(l)), 'error_import_language'),
		durationMonths: optionalWholeInput(120, 'error_import_duration').refine((v) => v !== null && v >= 1, 'error_import_duration'),
		credits: optionalWholeInput(480, 'error_import_number'),
		tuitionAmount: optionalWholeInput(100_000_000, 'error_import_number'),
		tuitionCurrency: z
			.string()
			.trim()
			.toUpperCase()
			.refine((v) => v === '' || /^[A-Z]{3}$/.test(v), 'error_import_currency'),
		startTerms: z.array(z.enum(START_TERMS, 'error_import_term')).transform((terms) => (terms.length ? [...new Set(terms)] : ['autumn'])),
		applicationOpens: optionalDate,
		applicationDeadline: optionalDate,
		title: localizedInput(200),
		summary: localizedInput(1000)
	})
	// Checked even when other fields are wrong, so every error shows at once.
	.refine((v) => !v.tuitionAmount || !!v.tuitionCurrency, { message: 'error_required', path: ['tuitionCurrency'], when: () => true })
	.refine((v) => !v.applicationOpens || !v.applicationDeadline || v.applicationOpens <= v.applicationDeadline, {
		message: 'error_import_dates_order',
		path: ['applicationDeadline'],
		when: () => true
	});

/** The editor's form (flat fields, ticked terms as a list, `title.en`…) read by the form spec. */
export function programmeInputFromForm(input: Record<string, string>) {
	return readContentForm('programmes', input);
}

async function ownerOf(ctx: Pick<ServiceContext, 'db'>, institutionId: string | null) {
	const [owner] = await ctx.db.select({ slug: institutionDirectory.slug, name: institutionDirectory.name }).from(institutionDirectory).where(eq(institutionDirectory.id, institutionId!));
	return owner!;
}

export const programmePath = (institutionSlug: string, slug: string) => `/institutions/${institutionSlug}/programmes/${slug}`;

const programmes = editableContent<ProgrammeData>({
	entityType: 'programme',
	table: programme,
	translated: PROGRAMME_TRANSLATED_FIELDS,
	required: PROGRAMME_REQUIRED_FIELDS,
	sourceRequired: 'title',
	plain: FIELDS.plain,
	slugScope: 'institution',
	parse(input) {
		const data = parseInput(programmeInputSchema, input);
		return {
			slug: data.slug,
			level: data.level as ProgrammeLevel,
			iscedCode: data.iscedCode,
			title: cleanLocalizedText(data.title),
			summary: cleanLocalizedText(data.summary),
			languages: data.languages,
			durationMonths: data.durationMonths!,
			credits: data.credits,
			tuitionAmount: data.tuitionAmount,
			tuitionCurrency: data.tuitionAmount === null ? null : data.tuitionCurrency || null,
			startTerms: data.startTerms,
			applicationOpens: data.applicationOpens,
			applicationDeadline: data.applicationDeadline
		};
	},
	fromRow: (row) => ({
		slug: row.slug,
		level: row.level as ProgrammeLevel,
		iscedCode: row.iscedCode as string,
		title: row.title as LocalizedText,
		summary: row.summary as LocalizedText,
		languages: row.languages as string[],
		durationMonths: row.durationMonths as number,
		credits: (row.credits as number | null) ?? null,
		tuitionAmount: (row.tuitionAmount as number | null) ?? null,
		tuitionCurrency: (row.tuitionCurrency as string | null) ?? null,
		startTerms: row.startTerms as string[],
		applicationOpens: (row.applicationOpens as string | null) ?? null,
		applicationDeadline: (row.applicationDeadline as string | null) ?? null
	}),
	toRow: (data) => ({ ...data }),
	async check(ctx, data) {
		if (data.tuitionCurrency && !(await latestRates(ctx)).has(data.tuitionCurrency)) throw invalidInput({ tuitionCurrency: 'error_import_currency' });
	},
	async derive(ctx, data) {
		return { tuitionEur: tuitionInEuros(data.tuitionAmount, data.tuitionCurrency, await latestRates(ctx)) };
	},
	listOrder: programme.updatedAt,
	async index(ctx, row) {
		const owner = await ownerOf(ctx, row.institutionId);
		await indexProgrammes(ctx, owner.slug, owner.name, [row as unknown as typeof programme.$inferSelect]);
	},
	async unindex(ctx, row) {
		await removeFromIndex(ctx, programmePath((await ownerOf(ctx, row.institutionId)).slug, row.slug));
	}
});

export const programmeEditing = programmes;
