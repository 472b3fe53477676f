import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { invalidInput } from '../platform/errors';

/**
 * Reading and writing spreadsheets for imports and exports. The format is recognised by the
 * file's content, never its name: an XLSX file is a ZIP archive ("PK\x03\x04"); anything else
 * must be UTF-8 text, read as CSV with a comma, semicolon or tab between cells (Excel writes
 * semicolons in Russian and Kazakh settings).
 */
export type SheetCell = string | number | boolean | Date | null;

export const MAX_SPREADSHEET_BYTES = 5 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .xls
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export async function readSpreadsheet(bytes: Uint8Array, field = 'file'): Promise<SheetCell[][]> {
	if (!bytes.byteLength) throw invalidInput({ [field]: 'error_file_required' });
	if (bytes.byteLength > MAX_SPREADSHEET_BYTES) throw invalidInput({ [field]: 'error_file_too_large' });
	if (startsWith(bytes, ZIP)) {
		try {
			return (await readSheet(Buffer.from(bytes))) as SheetCell[][];
		} catch {
			throw invalidInput({ [field]: 'error_file_unreadable' });
		}
	}
	if (startsWith(bytes, OLE)) throw invalidInput({ [field]: 'error_file_old_excel' });
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw invalidInput({ [field]: 'error_file_type_spreadsheet' });
	}
	if (text.includes('\u0000')) throw invalidInput({ [field]: 'error_file_type_spreadsheet' });
	try {
		return parse(text, { bom: true, delimiter: guessDelimiter(text), relax_column_count: true, skip_empty_lines: true, trim: true }) as SheetCell[][];
	} catch {
		throw invalidInput({ [field]: 'error_file_unreadable' });
	}
}

/** The separator of the header line: whichever of comma, semicolon and tab it has most of. */
function guessDelimiter(text: string) {
	const header = text.slice(0, text.search(/\r?\n|$/));
	const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
	return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

export async function writeXlsx(rows: (string | number | null)[][], sheet: string): Promise<Buffer> {
	return writeXlsxFile(
		rows.map((row) => row.map((value) => (value === null ? null : { value }))),
		{ sheet }
	).toBuffer();
}

/** CSV with a byte-order mark, so Excel opens Cyrillic and Chinese text correctly. */
export function writeCsv(rows: (string | number | null)[][]): string {
	return '\ufeff' + stringify(rows);
}
