import { Worker } from 'node:worker_threads';
import { parse, type Options as CsvOptions } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import writeXlsxFile from 'write-excel-file/node';
import { invalidInput } from '../platform/errors';
import { SPREADSHEET_WORKER_SOURCE } from './spreadsheet-worker';
import { storedZip, unpackXlsxParts, XlsxArchiveError } from './xlsx-archive';

/**
 * Reading and writing spreadsheets for imports and exports. The format is recognised by the
 * file's content, never its name: an XLSX file is a ZIP archive ("PK\x03\x04"); anything else
 * must be UTF-8 text, read as CSV with a comma, semicolon or tab between cells (Excel writes
 * semicolons in Russian and Kazakh settings).
 *
 * Reading has limits, because a small upload can be a lot of work: an XLSX archive is unpacked
 * to at most 50 MB of XML (xlsx-archive.ts, before any parser sees it), and the parsing runs in
 * a worker thread (spreadsheet-worker.ts) with its own heap limit and a time limit, at most two
 * at a time, so the server keeps answering while a file is read. Past a limit the file is
 * refused with a message saying it is too big.
 */
export type SheetCell = string | number | boolean | Date | null;

export const MAX_SPREADSHEET_BYTES = 5 * 1024 * 1024;
/** Cells of a sheet (empty rows count one): the imports take 5,000 rows of some 20 columns. */
export const MAX_SPREADSHEET_CELLS = 1_000_000;
const PARSE_TIMEOUT_MS = 30_000;
const INLINE_CSV_BYTES = 64 * 1024;
const PARSER_HEAP_MB = 512;
const MAX_PARSERS = 2;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .xls
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

type Refusal = 'unreadable' | 'too_big';
type Job = { kind: 'xlsx'; bytes: Buffer } | { kind: 'csv'; text: string; options: CsvOptions };
type Answer = { rows: SheetCell[][] } | { refused: Refusal };

export async function readSpreadsheet(bytes: Uint8Array, field = 'file'): Promise<SheetCell[][]> {
	if (!bytes.byteLength) throw invalidInput({ [field]: 'error_file_required' });
	if (bytes.byteLength > MAX_SPREADSHEET_BYTES) throw invalidInput({ [field]: 'error_file_too_large' });
	const refuse = (reason: Refusal) => invalidInput({ [field]: reason === 'too_big' ? 'error_file_too_big_unpacked' : 'error_file_unreadable' });
	let answer: Answer;
	if (startsWith(bytes, ZIP)) {
		let archive: Buffer;
		try {
			archive = storedZip(await unpackXlsxParts(bytes));
		} catch (err) {
			if (err instanceof XlsxArchiveError) throw refuse(err.reason);
			throw err;
		}
		// Always in a worker: a few hundred bytes of XML can stand for a million rows.
		answer = await parseInWorker({ kind: 'xlsx', bytes: archive });
	} else {
		if (startsWith(bytes, OLE)) throw invalidInput({ [field]: 'error_file_old_excel' });
		let text: string;
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			throw invalidInput({ [field]: 'error_file_type_spreadsheet' });
		}
		if (text.includes('\u0000')) throw invalidInput({ [field]: 'error_file_type_spreadsheet' });
		const options = { bom: true, delimiter: guessDelimiter(text), relax_column_count: true, skip_empty_lines: true, trim: true };
		// A small CSV file (at most one cell per byte) parses in a millisecond or two, less than a worker takes to start.
		answer = bytes.byteLength <= INLINE_CSV_BYTES ? parseCsvHere(text, options) : await parseInWorker({ kind: 'csv', text, options });
	}
	if ('refused' in answer) throw refuse(answer.refused);
	return answer.rows.map((row) => row.map(unescapeFormula));
}

function parseCsvHere(text: string, options: CsvOptions): Answer {
	try {
		return { rows: parse(text, options) as SheetCell[][] };
	} catch {
		return { refused: 'unreadable' };
	}
}

/** The separator of the header line: whichever of comma, semicolon and tab it has most of. */
function guessDelimiter(text: string) {
	const header = text.slice(0, text.search(/\r?\n|$/));
	const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
	return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

const WORKER_URL = new URL(`data:text/javascript,${encodeURIComponent(SPREADSHEET_WORKER_SOURCE)}`);
let parsing = 0;
const waiting: (() => void)[] = [];

/** Runs a parse in a worker of its own, when one of the MAX_PARSERS places is free. */
async function parseInWorker(job: Job): Promise<Answer> {
	while (parsing >= MAX_PARSERS) await new Promise<void>((resolve) => waiting.push(resolve));
	parsing++;
	try {
		return await runWorker(job);
	} finally {
		parsing--;
		waiting.shift()?.();
	}
}

function runWorker(job: Job): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(WORKER_URL, {
			workerData: { ...job, base: import.meta.url, maxCells: MAX_SPREADSHEET_CELLS },
			// The archive's buffer is its own (storedZip), so it moves to the worker without a copy.
			transferList: job.kind === 'xlsx' ? [job.bytes.buffer as ArrayBuffer] : [],
			resourceLimits: { maxOldGenerationSizeMb: PARSER_HEAP_MB }
		});
		let done = false;
		const finish = (settle: () => void) => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			settle();
		};
		const timer = setTimeout(() => {
			finish(() => resolve({ refused: 'too_big' }));
			void worker.terminate();
		}, PARSE_TIMEOUT_MS);
		worker.once('message', (answer: Answer) => finish(() => resolve(answer)));
		worker.on('error', (err: NodeJS.ErrnoException) => finish(() => (err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve({ refused: 'too_big' }) : reject(err))));
		worker.once('exit', (code) => finish(() => reject(new Error(`The spreadsheet worker stopped (exit code ${code}) without an answer`))));
	});
}

/**
 * Text a spreadsheet program would run as a formula: it starts with = + - @, a tab or a
 * carriage return (OWASP "CSV injection"), possibly after quotes that escaped it before.
 */
const FORMULA = /^'*[=+\-@\t\r]/;

/** CSV export: such text gets a leading `'`, so Excel shows it as text. Numbers stay numbers. */
function escapeFormula(value: string | number | null) {
	return typeof value === 'string' && FORMULA.test(value) ? `'${value}` : value;
}

/**
 * Import: takes off the `'` that escapeFormula added, so an exported file comes back unchanged
 * (also when it was opened in Excel and saved as XLSX, the quote kept as text). Text that
 * started with quotes and a formula character had one more added, so it keeps its own.
 */
function unescapeFormula(cell: SheetCell): SheetCell {
	return typeof cell === 'string' && cell.startsWith("'") && FORMULA.test(cell) ? cell.slice(1) : cell;
}

export async function writeXlsx(rows: (string | number | null)[][], sheet: string): Promise<Buffer> {
	return writeXlsxFile(
		rows.map((row) => row.map((value) => (value === null ? null : { value }))),
		{ sheet }
	).toBuffer();
}

/**
 * CSV with a byte-order mark, so Excel opens Cyrillic and Chinese text correctly. Text that
 * would run as a formula is escaped (XLSX cells are typed as text, so they need nothing).
 */
export function writeCsv(rows: (string | number | null)[][]): string {
	return '\ufeff' + csvLines(rows);
}

/** Rows of a CSV file without the byte-order mark, escaped as above: for exports written a batch at a time. */
export function csvLines(rows: (string | number | null)[][]): string {
	return stringify(rows.map((row) => row.map(escapeFormula)));
}
