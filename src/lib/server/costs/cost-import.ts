import { LOCALES } from '$lib/i18n/locales';
import type { LocalizedText } from '$lib/i18n/localized-text';
import type { MessageKey } from '$lib/i18n/messages';
import { date, number, readColumns, text, type Cell, type RowError } from '../spreadsheets/sheet-cells';
import { COST_CATEGORIES, type CostCategory } from './costs.tables';

/**
 * An institution's own prices (cost items) from a spreadsheet or from the editing form: the
 * columns, and the validation of one item. Pure. Rows match existing items by category, so a
 * file exported, edited and imported again updates what is there.
 */
export const COST_PERIODS = ['month', 'year', 'once'] as const;
export type CostPeriod = (typeof COST_PERIODS)[number];

export const COST_COLUMNS = ['category', 'period', 'low', 'typical', 'high', 'currency', ...LOCALES.map((l) => `note_${l}` as const), 'source_url', 'verified_on'] as const;
export type CostColumn = (typeof COST_COLUMNS)[number];

export const MAX_COST_ROWS = COST_CATEGORIES.length;

export interface InstitutionCost {
	category: CostCategory;
	period: CostPeriod;
	low: number;
	typical: number;
	high: number;
	currency: string;
	note: LocalizedText;
	sourceUrl: string | null;
	verifiedOn: string | null;
}

export type CostFieldError = { column: CostColumn; messageKey: MessageKey; value: string };

/** Reads one item; `get` gives a column's cell (a spreadsheet row, or the form's fields). */
export function readCostItem(get: (column: CostColumn) => Cell, currencies: ReadonlySet<string>): { item: InstitutionCost | null; errors: CostFieldError[] } {
	const errors: CostFieldError[] = [];
	const fail = (column: CostColumn, messageKey: MessageKey) => errors.push({ column, messageKey, value: text(get(column)).slice(0, 80) });

	const category = text(get('category')).toLowerCase();
	if (!(COST_CATEGORIES as readonly string[]).includes(category)) fail('category', 'error_cost_category');
	const period = text(get('period')).toLowerCase();
	if (!(COST_PERIODS as readonly string[]).includes(period)) fail('period', 'error_cost_period');

	const amounts = (['low', 'typical', 'high'] as const).map((column) => {
		const value = number(get(column));
		if (value === null) fail(column, 'error_required');
		else if (value === 'invalid' || value > 1_000_000_000) fail(column, 'error_import_number');
		return typeof value === 'number' ? value : null;
	});
	const [low, typical, high] = amounts as [number | null, number | null, number | null];
	if (low !== null && typical !== null && high !== null && !(low <= typical && typical <= high)) fail('typical', 'error_cost_order');

	const currency = text(get('currency')).toUpperCase();
	if (!currency) fail('currency', 'error_required');
	else if (!currencies.has(currency)) fail('currency', 'error_import_currency');

	const note: LocalizedText = {};
	for (const l of LOCALES) {
		const value = text(get(`note_${l}`));
		if (value.length > 500) fail(`note_${l}`, 'error_too_long');
		else if (value) note[l] = value;
	}
	const sourceUrl = text(get('source_url'));
	if (sourceUrl && (!/^https?:\/\/[^\s]+$/i.test(sourceUrl) || sourceUrl.length > 300)) fail('source_url', 'error_url_invalid');
	const verifiedOn = date(get('verified_on'));
	if (verifiedOn === 'invalid') fail('verified_on', 'error_import_date');

	if (errors.length) return { item: null, errors };
	return {
		item: { category: category as CostCategory, period: period as CostPeriod, low: low!, typical: typical!, high: high!, currency, note, sourceUrl: sourceUrl || null, verifiedOn: verifiedOn as string | null },
		errors
	};
}

/** Validates a whole file: every row, every problem; callers write nothing when there is any. */
export function validateCostRows(rows: Cell[][], currencies: ReadonlySet<string>): { items: InstitutionCost[]; errors: RowError[] } {
	const [header, ...body] = rows;
	if (!header) return { items: [], errors: [{ row: 1, column: null, messageKey: 'error_import_empty' }] };
	const { columns, errors } = readColumns(header, COST_COLUMNS, ['category', 'period', 'low', 'typical', 'high', 'currency']);
	if (errors.some((e) => e.messageKey === 'error_import_missing_column')) return { items: [], errors };
	const dataRows = body.map((cells, i) => ({ cells, row: i + 2 })).filter(({ cells }) => cells.some((c) => text(c)));
	if (!dataRows.length) return { items: [], errors: [...errors, { row: 2, column: null, messageKey: 'error_import_empty' }] };
	const items: InstitutionCost[] = [];
	const seen = new Set<string>();
	for (const { cells, row } of dataRows) {
		const read = readCostItem((column) => cells[columns.indexOf(column)], currencies);
		errors.push(...read.errors.map((e) => ({ row, ...e })));
		if (!read.item) continue;
		if (seen.has(read.item.category)) {
			errors.push({ row, column: 'category', messageKey: 'error_import_duplicate', value: read.item.category });
			continue;
		}
		seen.add(read.item.category);
		items.push(read.item);
	}
	return { items, errors };
}

/** An item as a spreadsheet row, in COST_COLUMNS order (export and templates). */
export function costToRow(c: InstitutionCost): (string | number | null)[] {
	const values: Record<CostColumn, string | number | null> = {
		category: c.category,
		period: c.period,
		low: c.low,
		typical: c.typical,
		high: c.high,
		currency: c.currency,
		note_en: c.note.en ?? null,
		note_ru: c.note.ru ?? null,
		note_kk: c.note.kk ?? null,
		note_zh: c.note.zh ?? null,
		source_url: c.sourceUrl,
		verified_on: c.verifiedOn
	};
	return COST_COLUMNS.map((column) => values[column]);
}
