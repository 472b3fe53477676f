import type { MessageKey } from '$lib/i18n/messages';

/**
 * Reading cells of imported spreadsheets (programmes, cost items): text, real dates, numbers
 * written the ways people write them, and the header row. Pure.
 */

/** One problem in a file, as the dry run lists it. */
export interface RowError {
	/** The row number as the spreadsheet shows it (the header is row 1). */
	row: number;
	column: string | null;
	messageKey: MessageKey;
	value?: string;
}

export type Cell = string | number | boolean | Date | null | undefined;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function text(cell: Cell): string {
	if (cell === null || cell === undefined) return '';
	if (cell instanceof Date) return cell.toISOString().slice(0, 10);
	return String(cell).trim();
}

export function date(cell: Cell): string | null | 'invalid' {
	if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'invalid' : cell.toISOString().slice(0, 10);
	const value = text(cell);
	if (!value) return null;
	const m = ISO_DATE.exec(value);
	if (!m) return 'invalid';
	const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
	return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]! ? value : 'invalid';
}

export function number(cell: Cell): number | null | 'invalid' {
	if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'invalid';
	const value = text(cell).replace(/[\s\u00a0']/g, '').replace(',', '.');
	if (!value) return null;
	return /^\d+(\.\d+)?$/.test(value) ? Number(value) : 'invalid';
}

/** Maps header cells to known columns; unknown headers are reported, missing required ones too. */
export function readColumns<C extends string>(header: Cell[], known: readonly C[], required: readonly C[]): { columns: (C | null)[]; errors: RowError[] } {
	const columns = header.map((h) => {
		const name = text(h).toLowerCase().replace(/\s+/g, '_');
		return (known as readonly string[]).includes(name) ? (name as C) : null;
	});
	const errors: RowError[] = [];
	header.forEach((h, i) => {
		if (!columns[i] && text(h)) errors.push({ row: 1, column: null, messageKey: 'error_import_unknown_column', value: text(h) });
	});
	for (const column of required) {
		if (!columns.includes(column)) errors.push({ row: 1, column, messageKey: 'error_import_missing_column', value: column });
	}
	return { columns, errors };
}
