import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { contentFieldNames, readContentForm } from '$lib/content-form';
import { cleanLocalizedText, type LocalizedText } from '$lib/i18n/localized-text';
import { ISCED_BROAD_FIELDS, PROGRAMME_LEVELS } from '$lib/programmes/taxonomy';
import { editableContent, type Snapshot } from '../content/editorial';
import { checkboxInput, countryListInput, isoDateInput, localizedInput, slugInput } from '../editing/content-inputs';
import { institutionDirectory } from '../institutions/institutions.views';
import { parseInput } from '../platform/validation';
import { removeFromIndex } from '../search/search.service';
import { indexScholarship } from './scholarships.search';
import { SCHOLARSHIP_COVERS, scholarship } from './scholarships.tables';

/**
 * An institution's own scholarships, edited with the shared editorial workflow
 * (content/editorial.ts). National schemes have no institution and stay platform data. The
 * host country is the institution's. One monthly stipend applies to every level the
 * scholarship is for (institutional schemes rarely pay by level; national ones, which do, are
 * not edited here).
 */
const FIELDS = contentFieldNames('scholarships');
/** Its fields are the form spec's ($lib/content-kinds.ts), in form order. */
export const SCHOLARSHIP_TRANSLATED_FIELDS = FIELDS.translated;
export const SCHOLARSHIP_REQUIRED_FIELDS = ['name', 'summary'] as const;

export interface ScholarshipData {
	slug: string;
	levels: string[];
	fields: string[];
	covers: string[];
	stipend: number | null;
	stipendCurrency: string | null;
	eligibleNationalities: string[];
	excludedNationalities: string[];
	applicationDeadline: string | null;
	url: string | null;
	sourceUrl: string | null;
	verifiedOn: string | null;
	unverified: boolean;
	name: LocalizedText;
	provider: LocalizedText;
	summary: LocalizedText;
}
export type ScholarshipSnapshot = Snapshot<ScholarshipData>;

const urlInput = z
	.string()
	.trim()
	.max(300, 'error_too_long')
	.refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'error_url_invalid');

const optionalDate = z.union([z.literal(''), isoDateInput]);

/** Its keys are the form spec's fields ($lib/content-form.test.ts compares them). */
export const scholarshipInputSchema = z.object({
	slug: slugInput,
	levels: z.array(z.enum(PROGRAMME_LEVELS, 'error_choose_one')).min(1, 'error_choose_at_least_one'),
	fields: z.array(z.enum(ISCED_BROAD_FIELDS, 'error_choose_one')),
	covers: z.array(z.enum(SCHOLARSHIP_COVERS, 'error_choose_one')).min(1, 'error_choose_at_least_one'),
	stipend: z
		.union([z.number(), z.string()])
		.transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
		.refine((v) => v === '' || (/^\d+(\.\d{1,2})?$/.test(v) && Number(v) > 0 && Number(v) < 100_000_000), 'error_import_number'),
	stipendCurrency: z
		.string()
		.trim()
		.toUpperCase()
		.refine((v) => v === '' || /^[A-Z]{3}$/.test(v), 'error_currency_invalid'),
	eligibleNationalities: countryListInput,
	excludedNationalities: countryListInput,
	applicationDeadline: optionalDate,
	url: urlInput,
	sourceUrl: urlInput,
	verifiedOn: optionalDate,
	unverified: checkboxInput,
	name: localizedInput(200),
	provider: localizedInput(200),
	summary: localizedInput(2000)
})
	// Checked even when other fields are wrong, so every error shows at once.
	.refine((v) => !v.stipend || !!v.stipendCurrency, { message: 'error_stipend_currency_required', path: ['stipendCurrency'], when: () => true });

/** The editor's form (flat fields, ticked boxes as lists, `name.en`…) read by the form spec. */
export function scholarshipInputFromForm(input: Record<string, string>) {
	return readContentForm('scholarships', input);
}

const scholarships = editableContent<ScholarshipData>({
	entityType: 'scholarship',
	table: scholarship,
	translated: SCHOLARSHIP_TRANSLATED_FIELDS,
	required: SCHOLARSHIP_REQUIRED_FIELDS,
	sourceRequired: 'name',
	plain: FIELDS.plain,
	parse(input) {
		const data = parseInput(scholarshipInputSchema, input);
		const stipend = data.stipend === '' ? null : Number(data.stipend);
		return {
			slug: data.slug,
			levels: data.levels,
			fields: data.fields,
			covers: data.covers,
			stipend,
			stipendCurrency: stipend === null ? null : data.stipendCurrency,
			eligibleNationalities: data.eligibleNationalities,
			excludedNationalities: data.excludedNationalities,
			applicationDeadline: data.applicationDeadline || null,
			url: data.url || null,
			sourceUrl: data.sourceUrl || null,
			verifiedOn: data.verifiedOn || null,
			unverified: data.unverified,
			name: cleanLocalizedText(data.name),
			provider: cleanLocalizedText(data.provider),
			summary: cleanLocalizedText(data.summary)
		};
	},
	fromRow: (row) => {
		const stipends = row.stipends as Partial<Record<string, number>>;
		const first = Object.values(stipends).find((v) => v !== undefined);
		return {
			slug: row.slug,
			levels: row.levels as string[],
			fields: row.fields as string[],
			covers: row.covers as string[],
			stipend: first ?? null,
			stipendCurrency: first === undefined ? null : ((row.stipendCurrency as string | null) ?? null),
			eligibleNationalities: (row.eligibleNationalities as string[] | null) ?? [],
			excludedNationalities: row.excludedNationalities as string[],
			applicationDeadline: (row.applicationDeadline as string | null) ?? null,
			url: (row.url as string | null) ?? null,
			sourceUrl: (row.sourceUrl as string | null) ?? null,
			verifiedOn: (row.verifiedOn as string | null) ?? null,
			unverified: row.unverified as boolean,
			name: row.name as LocalizedText,
			provider: row.provider as LocalizedText,
			summary: row.summary as LocalizedText
		};
	},
	toRow: ({ stipend, stipendCurrency, eligibleNationalities, ...data }) => ({
		...data,
		// An empty "only for" list means every nationality may apply (null in the finder's query).
		eligibleNationalities: eligibleNationalities.length ? eligibleNationalities : null,
		stipends: stipend === null ? {} : Object.fromEntries(data.levels.map((level) => [level, stipend])),
		stipendCurrency: stipend === null ? null : stipendCurrency
	}),
	async insertDefaults(ctx, institutionId) {
		const [owner] = await ctx.db.select({ countryCode: institutionDirectory.countryCode }).from(institutionDirectory).where(eq(institutionDirectory.id, institutionId));
		return { countryCode: owner!.countryCode };
	},
	listOrder: scholarship.updatedAt,
	index: (ctx, row) => indexScholarship(ctx, row as unknown as typeof scholarship.$inferSelect),
	unindex: (ctx, row) => removeFromIndex(ctx, `/scholarships/${row.slug}`)
});

export const scholarshipEditing = scholarships;
