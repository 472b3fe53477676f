import { performance } from 'node:perf_hooks';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { failure } from '../testing/assertions';
import { readSpreadsheet, writeCsv, writeXlsx } from './spreadsheet';
import { MAX_XLSX_ENTRIES, MAX_XLSX_UNPACKED_BYTES } from './xlsx-archive';

/** A ZIP archive written by hand, so that a test can make it lie about its sizes. */
type Entry = { name: string; data: Buffer; method?: 0 | 8 | 12; packed?: Buffer; declaredSize?: number };
function zip(entries: Entry[]): Uint8Array {
	const local: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const method = entry.method ?? 8;
		const packed = entry.packed ?? (method === 0 ? entry.data : deflateRawSync(entry.data));
		const name = Buffer.from(entry.name);
		const size = entry.declaredSize ?? entry.data.length;
		const head = Buffer.alloc(30);
		head.writeUInt32LE(0x04034b50, 0);
		head.writeUInt16LE(20, 4);
		head.writeUInt16LE(method, 8);
		head.writeUInt32LE(packed.length, 18);
		head.writeUInt32LE(size, 22);
		head.writeUInt16LE(name.length, 26);
		const dir = Buffer.alloc(46);
		dir.writeUInt32LE(0x02014b50, 0);
		dir.writeUInt16LE(20, 4);
		dir.writeUInt16LE(20, 6);
		dir.writeUInt16LE(method, 10);
		dir.writeUInt32LE(packed.length, 20);
		dir.writeUInt32LE(size, 24);
		dir.writeUInt16LE(name.length, 28);
		dir.writeUInt32LE(offset, 42);
		local.push(head, name, packed);
		central.push(dir, name);
		offset += 30 + name.length + packed.length;
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...local, directory, end]));
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
const column = (i: number) => String.fromCharCode(65 + i);
const row = (r: number, values: string[]) => `<row r="${r}">${values.map((v, i) => `<c r="${column(i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;

/** The smallest workbook read-excel-file reads: one sheet, inline strings. */
function workbook(sheet: Entry): Entry[] {
	const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${text}`);
	return [
		{ name: 'xl/workbook.xml', data: xml('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>') },
		{ name: 'xl/_rels/workbook.xml.rels', data: xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
		{ name: 'xl/media/image1.png', data: Buffer.alloc(64), method: 0 },
		sheet
	];
}
const sheetEntry = (xml: string): Entry => ({ name: 'xl/worksheets/sheet1.xml', data: Buffer.from(xml) });

/** Sheet XML of about `megabytes` MB (one cell of repeated letters), deflated as a stream. */
async function bombSheet(megabytes: number): Promise<Entry> {
	const deflate = createDeflateRaw({ level: 9 });
	const chunks: Buffer[] = [];
	deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
	const finished = new Promise((resolve) => deflate.on('end', resolve));
	deflate.write(`${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`);
	const megabyte = Buffer.alloc(1024 * 1024, 'A');
	for (let i = 0; i < megabytes; i++) deflate.write(megabyte);
	deflate.end(`</t></is></c></row>${SHEET_TAIL}`);
	await finished;
	return { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), packed: Buffer.concat(chunks), declaredSize: megabytes * 1024 * 1024 };
}

describe('reading spreadsheets', () => {
	it('reads XLSX and CSV files as before', async () => {
		const xlsx = await writeXlsx(
			[
				['slug', 'title_en', 'duration_months'],
				['cs-msc', '=HYPERLINK("http://evil.example","x")', 24]
			],
			'Programmes'
		);
		expect(await readSpreadsheet(new Uint8Array(xlsx))).toEqual([
			['slug', 'title_en', 'duration_months'],
			['cs-msc', '=HYPERLINK("http://evil.example","x")', 24]
		]);
		const csv = new TextEncoder().encode('\ufeffslug;title_ru;credits\ncs-msc;Информатика;120\n\n');
		expect(await readSpreadsheet(csv)).toEqual([
			['slug', 'title_ru', 'credits'],
			['cs-msc', 'Информатика', '120']
		]);
		// Over 64 kB, CSV is parsed in a worker too.
		const lines = Array.from({ length: 3000 }, (_, i) => `prog-${i};Программа ${i};${i}`);
		const large = await readSpreadsheet(new TextEncoder().encode(['slug;title_ru;credits', ...lines].join('\r\n')));
		expect(large).toHaveLength(3001);
		expect(large[3000]).toEqual(['prog-2999', 'Программа 2999', '2999']);
		expect(await readSpreadsheet(zip(workbook(sheetEntry(SHEET_HEAD + row(1, ['a', 'b']) + row(2, ['c']) + SHEET_TAIL))))).toEqual([
			['a', 'b'],
			['c', null]
		]);
	});

	it('refuses an archive that inflates past the limit, without trusting the sizes it declares', async () => {
		const bomb = await bombSheet(120);
		expect(bomb.packed!.length).toBeLessThan(1024 * 1024);
		// Honest sizes: refused from the archive's directory, before inflating anything.
		expect((await failure(readSpreadsheet(zip(workbook(bomb))))).fields).toEqual({ file: 'error_file_too_big_unpacked' });
		// Lying sizes (the sheet claims 1 kB): refused once inflating passes the limit.
		expect((await failure(readSpreadsheet(zip(workbook({ ...bomb, declaredSize: 1024 }))))).fields).toEqual({ file: 'error_file_too_big_unpacked' });
	});

	it('refuses the limit spread over many parts, or too many parts', async () => {
		const part = Buffer.alloc(MAX_XLSX_UNPACKED_BYTES / 4 + 1, ' ');
		const spread = Array.from({ length: 4 }, (_, i): Entry => ({ name: `xl/worksheets/sheet${i + 2}.xml`, data: Buffer.alloc(0), packed: deflateRawSync(part), declaredSize: 10 }));
		expect((await failure(readSpreadsheet(zip([...workbook(sheetEntry(SHEET_HEAD + SHEET_TAIL)), ...spread])))).fields).toEqual({ file: 'error_file_too_big_unpacked' });
		const many = Array.from({ length: MAX_XLSX_ENTRIES }, (_, i): Entry => ({ name: `xl/media/${i}.png`, data: Buffer.alloc(1), method: 0 }));
		expect((await failure(readSpreadsheet(zip([...workbook(sheetEntry(SHEET_HEAD + SHEET_TAIL)), ...many])))).fields).toEqual({ file: 'error_file_too_big_unpacked' });
	});

	it('refuses sheets that stand for too many cells, however few bytes they take', async () => {
		// One cell in the last row: a million rows, in 200 bytes of XML.
		const far = zip(workbook(sheetEntry(SHEET_HEAD + row(1_048_576, ['x']) + SHEET_TAIL)));
		expect((await failure(readSpreadsheet(far))).fields).toEqual({ file: 'error_file_too_big_unpacked' });
		const wide = new TextEncoder().encode(`${';'.repeat(600_000)}\n${';'.repeat(600_000)}\n`);
		expect((await failure(readSpreadsheet(wide))).fields).toEqual({ file: 'error_file_too_big_unpacked' });
	});

	it('stops a parse that outgrows its memory, and keeps the server running', async () => {
		// Each row's one cell sits in the last column, so every row becomes 16,384 cells: gigabytes, from 40 kB.
		const rows = Array.from({ length: 8000 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`).join('');
		const wide = zip(workbook(sheetEntry(SHEET_HEAD + rows + SHEET_TAIL)));
		expect(wide.length).toBeLessThan(100_000);
		expect((await failure(readSpreadsheet(wide))).fields).toEqual({ file: 'error_file_too_big_unpacked' });
		expect(await readSpreadsheet(new TextEncoder().encode('a;b\n'))).toEqual([['a', 'b']]);
	});

	it('refuses archives it cannot read as unreadable', async () => {
		const bzip2 = workbook({ ...sheetEntry(SHEET_HEAD + SHEET_TAIL), method: 12, packed: Buffer.from('BZh91AY&SY') });
		expect((await failure(readSpreadsheet(zip(bzip2)))).fields).toEqual({ file: 'error_file_unreadable' });
		const corrupt = workbook({ ...sheetEntry(SHEET_HEAD + SHEET_TAIL), packed: Buffer.from([0xff, 0xff, 0xff, 0xff]) });
		expect((await failure(readSpreadsheet(zip(corrupt)))).fields).toEqual({ file: 'error_file_unreadable' });
		const truncated = zip(workbook(sheetEntry(SHEET_HEAD + row(1, ['a']) + SHEET_TAIL))).subarray(0, 200);
		expect((await failure(readSpreadsheet(truncated))).fields).toEqual({ file: 'error_file_unreadable' });
		const notAWorkbook = zip([{ name: 'readme.xml', data: Buffer.from('<a/>') }]);
		expect((await failure(readSpreadsheet(notAWorkbook))).fields).toEqual({ file: 'error_file_unreadable' });
	});

	it('keeps the server answering while it parses a large file', async () => {
		const rows = 30_000;
		const values = Array.from({ length: 10 }, (_, i) => `value ${i} Программа lorem ipsum`);
		const xml = SHEET_HEAD + Array.from({ length: rows }, (_, r) => row(r + 1, values)).join('') + SHEET_TAIL;
		const file = zip(workbook(sheetEntry(xml)));

		// Ticks of a 1 ms timer while the file is read. A parse on the event loop shows as one
		// long pause; the bound is relative to the parse itself, so a slow machine changes nothing.
		const ticks: number[] = [];
		const started = performance.now();
		const timer = setInterval(() => ticks.push(performance.now()), 1);
		const sheet = await readSpreadsheet(file).finally(() => clearInterval(timer));
		const finished = performance.now();

		expect(sheet).toHaveLength(rows);
		expect(sheet[rows - 1]).toEqual(values);
		const moments = [started, ...ticks, finished];
		const longestPause = Math.max(...moments.slice(1).map((t, i) => t - moments[i]!));
		expect(ticks.length).toBeGreaterThan(10);
		expect(longestPause).toBeLessThan((finished - started) / 2);
	});
});

describe('writing CSV', () => {
	it('escapes text that would run as a formula, keeps numbers, and reads back what it wrote', async () => {
		const text = ['=HYPERLINK("http://evil.example","x")', '@SUM(1)', '+7 701 000 00 00', '-5', '\tcmd', "'=quoted before", "it's fine", 'plain'];
		const csv = writeCsv([text, [-5, 1.5, null]]);
		const [written, numbers] = csv.slice(1).trimEnd().split('\n');
		expect(written).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")",'@SUM(1),'+7 701 000 00 00,'-5,'\tcmd,''=quoted before,it's fine,plain`);
		expect(numbers).toBe('-5,1.5,');
		const [read] = await readSpreadsheet(new TextEncoder().encode(csv));
		expect(read).toEqual(text);
	});
});
