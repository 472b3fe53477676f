import { LOCALES, type Locale } from '$lib/i18n/locales';
import type { LocalizedText } from '$lib/i18n/localized-text';
import type { MessageKey } from '$lib/i18n/messages';
import { ISCED_BROAD_FIELDS, PROGRAMME_LEVELS, START_TERMS, type ProgrammeLevel } from '$lib/programmes/taxonomy';
import { date, number, readColumns, text, type Cell, type RowError } from '../spreadsheets/sheet-cells';

export type { Cell, RowError };

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

/**
 * Programmes from a spreadsheet: the columns, and row-by-row validation into what the
 * database takes. Pure (no I/O): the service reads the file and writes the rows.
 * Export writes the same columns, so a file can go out, be edited and come back.
 */
export const PROGRAMME_COLUMNS = [
	'slug',
	'level',
	'isced',
	...LOCALES.map((l) => `title_${l}` as const),
	...LOCALES.map((l) => `summary_${l}` as const),
	'languages',
	'duration_months',
	'credits',
	'tuition',
	'currency',
	'start_terms',
	'application_opens',
	'application_deadline'
] as const;
export type ProgrammeColumn = (typeof PROGRAMME_COLUMNS)[number];

export const MAX_IMPORT_ROWS = 5_000;

export interface ImportedProgramme {
	slug: string;
	level: ProgrammeLevel;
	iscedCode: string;
	title: LocalizedText;
	summary: LocalizedText;
	languages: string[];
	durationMonths: number;
	credits: number | null;
	tuitionAmount: number | null;
	tuitionCurrency: string | null;
	startTerms: string[];
	applicationOpens: string | null;
	applicationDeadline: string | null;
}


const list = (cell: Cell) =>
	text(cell)
		.toLowerCase()
		.split(/[\s,;|/]+/)
		.filter(Boolean);

/** Maps header cells to known columns; unknown headers are reported, missing required ones too. */
export function readHeader(header: Cell[]) {
	return readColumns(header, PROGRAMME_COLUMNS, ['slug', 'level', 'isced', 'languages', 'duration_months']);
}

/**
 * Validates every data row. Returns the programmes and the errors; callers write nothing when
 * there is any error, so a file is imported whole or not at all.
 */
export function validateProgrammeRows(
	rows: Cell[][],
	options: { sourceLocale: Locale; currencies: ReadonlySet<string> }
): { programmes: ImportedProgramme[]; errors: RowError[] } {
	const [header, ...body] = rows;
	if (!header) return { programmes: [], errors: [{ row: 1, column: null, messageKey: 'error_import_empty' }] };
	const { columns, errors } = readHeader(header);
	if (errors.some((e) => e.messageKey === 'error_import_missing_column')) return { programmes: [], errors };
	const dataRows = body.map((cells, i) => ({ cells, row: i + 2 })).filter(({ cells }) => cells.some((c) => text(c)));
	if (!dataRows.length) return { programmes: [], errors: [...errors, { row: 2, column: null, messageKey: 'error_import_empty' }] };
	if (dataRows.length > MAX_IMPORT_ROWS) return { programmes: [], errors: [...errors, { row: MAX_IMPORT_ROWS + 2, column: null, messageKey: 'error_import_too_many_rows' }] };

	const programmes: ImportedProgramme[] = [];
	const seen = new Map<string, number>();
	for (const { cells, row } of dataRows) {
		const get = (column: ProgrammeColumn): Cell => cells[columns.indexOf(column)];
		const fail = (column: ProgrammeColumn, messageKey: MessageKey) => errors.push({ row, column, messageKey, value: text(get(column)).slice(0, 80) });
		const before = errors.length;

		const slug = text(get('slug')).toLowerCase();
		if (!slug) fail('slug', 'error_required');
		else if (!SLUG.test(slug)) fail('slug', 'error_slug_invalid');
		else if (seen.has(slug)) fail('slug', 'error_import_duplicate');
		else seen.set(slug, row);

		const level = text(get('level')).toLowerCase().replace(/[\s-]+/g, '_');
		if (!(PROGRAMME_LEVELS as readonly string[]).includes(level)) fail('level', 'error_import_level');
		const isced = text(get('isced'));
		if (!/^\d{2,4}$/.test(isced) || !(ISCED_BROAD_FIELDS as readonly string[]).includes(isced.slice(0, 2))) fail('isced', 'error_import_isced');

		const title: LocalizedText = {};
		const summary: LocalizedText = {};
		for (const l of LOCALES) {
			const t = text(get(`title_${l}`));
			const s = text(get(`summary_${l}`));
			if (t.length > 200) fail(`title_${l}`, 'error_too_long');
			if (s.length > 1000) fail(`summary_${l}`, 'error_too_long');
			if (t) title[l] = t;
			if (s) summary[l] = s;
		}
		if (!title[options.sourceLocale]) fail(`title_${options.sourceLocale}`, 'error_required');

		const languages = list(get('languages'));
		if (!languages.length) fail('languages', 'error_required');
		else if (!languages.every((l) => /^[a-z]{2}$/.test(l))) fail('languages', 'error_import_language');

		const duration = number(get('duration_months'));
		if (duration === null) fail('duration_months', 'error_required');
		else if (duration === 'invalid' || !Number.isInteger(duration) || duration < 1 || duration > 120) fail('duration_months', 'error_import_duration');
		const credits = number(get('credits'));
		if (credits === 'invalid' || (credits !== null && (!Number.isInteger(credits) || credits > 480))) fail('credits', 'error_import_number');

		const tuition = number(get('tuition'));
		const currency = text(get('currency')).toUpperCase();
		if (tuition === 'invalid') fail('tuition', 'error_import_number');
		if (tuition !== null && tuition !== 'invalid' && tuition > 0 && !currency) fail('currency', 'error_required');
		if (currency && !options.currencies.has(currency)) fail('currency', 'error_import_currency');

		const terms = list(get('start_terms'));
		if (!terms.every((t) => (START_TERMS as readonly string[]).includes(t))) fail('start_terms', 'error_import_term');

		const opens = date(get('application_opens'));
		const deadline = date(get('application_deadline'));
		if (opens === 'invalid') fail('application_opens', 'error_import_date');
		if (deadline === 'invalid') fail('application_deadline', 'error_import_date');
		if (opens && deadline && opens !== 'invalid' && deadline !== 'invalid' && opens > deadline) fail('application_deadline', 'error_import_dates_order');

		if (errors.length > before) continue;
		programmes.push({
			slug,
			level: level as ProgrammeLevel,
			iscedCode: isced,
			title,
			summary,
			languages: [...new Set(languages)],
			durationMonths: duration as number,
			credits: credits as number | null,
			tuitionAmount: tuition as number | null,
			tuitionCurrency: currency || null,
			startTerms: terms.length ? [...new Set(terms)] : ['autumn'],
			applicationOpens: opens as string | null,
			applicationDeadline: deadline as string | null
		});
	}
	return { programmes, errors };
}

/** A programme as a spreadsheet row, in PROGRAMME_COLUMNS order (export and templates). */
export function programmeToRow(p: ImportedProgramme): (string | number | null)[] {
	const values: Record<ProgrammeColumn, string | number | null> = {
		slug: p.slug,
		level: p.level,
		isced: p.iscedCode,
		...(Object.fromEntries(LOCALES.flatMap((l) => [[`title_${l}`, p.title[l] ?? null], [`summary_${l}`, p.summary[l] ?? null]])) as Record<`title_${Locale}` | `summary_${Locale}`, string | null>),
		languages: p.languages.join(', '),
		duration_months: p.durationMonths,
		credits: p.credits,
		tuition: p.tuitionAmount,
		currency: p.tuitionCurrency,
		start_terms: p.startTerms.join(', '),
		application_opens: p.applicationOpens,
		application_deadline: p.applicationDeadline
	};
	return PROGRAMME_COLUMNS.map((c) => values[c]);
}
