import { Readable, pipeline } from 'node:stream';
import { createDeflateRaw, crc32 } from 'node:zlib';

/**
 * An XLSX file written as it is read, for exports too large to hold (the case queue's: tens of
 * thousands of rows). `writeXlsx` (spreadsheet.ts) builds the whole workbook in memory, some
 * 7 kB and 0.15 ms of blocked event loop per row; this writes one sheet of text and number
 * cells, batch by batch, into a ZIP archive whose entries carry their sizes and checksums after
 * their data (a "data descriptor"), deflated on zlib's stream. Memory stays at about one batch.
 *
 * Cells are typed (inline strings as text, numbers as numbers), so nothing in them runs as a
 * formula; characters XML 1.0 cannot hold (control characters, lone surrogates) are dropped.
 */
export type XlsxCell = string | number | null;

const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** Sizes in a data descriptor (bit 3), names in UTF-8 (bit 11). */
const FLAGS = 0x0808;
const DEFLATE = 8;
const DOS_TIME = 0x00210000; // 1980-01-01 00:00: the archive says nothing about when it was made
const ZIP32_LIMIT = 0xffffffff;

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

// Control characters are what this pattern is for.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const escapeXml = (text: string) =>
	text.replace(INVALID_XML, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A (0-based) column's letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

function rowXml(cells: XlsxCell[], rowNumber: number, style = 0) {
	const s = style ? ` s="${style}"` : '';
	const out = cells.map((value, i) => {
		const ref = `${columnName(i)}${rowNumber}`;
		if (value === null || value === '') return '';
		if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${s}><v>${value}</v></c>`;
		const text = escapeXml(String(value));
		const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
		return `<c r="${ref}" t="inlineStr"${s}><is><t${space}>${text}</t></is></c>`;
	});
	return `<row r="${rowNumber}">${out.join('')}</row>`;
}

async function* sheetXml(header: XlsxCell[], batches: AsyncIterable<XlsxCell[][]>): AsyncGenerator<string> {
	yield `${XML}<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`;
	yield rowXml(header, 1, 1);
	let rowNumber = 1;
	for await (const rows of batches) yield rows.map((cells) => rowXml(cells, ++rowNumber)).join('');
	yield '</sheetData></worksheet>';
}

function workbookParts(sheetName: string) {
	return {
		'[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
		'_rels/.rels': `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		'xl/workbook.xml': `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${escapeXml(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
		// Two cell formats: plain, and bold for the header row.
		'xl/styles.xml': `${XML}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
	};
}

async function* once(text: string) {
	yield text;
}

/** A ZIP archive of deflated entries, written as their text arrives. */
async function* zip(entries: [name: string, body: AsyncIterable<string>][]): AsyncGenerator<Buffer> {
	const directory: { name: Buffer; crc: number; compressed: number; size: number; offset: number }[] = [];
	let offset = 0;
	for (const [entryName, body] of entries) {
		const name = Buffer.from(entryName, 'utf8');
		const local = Buffer.alloc(30);
		local.writeUInt32LE(LOCAL, 0);
		local.writeUInt16LE(20, 4); // version needed
		local.writeUInt16LE(FLAGS, 6);
		local.writeUInt16LE(DEFLATE, 8);
		local.writeUInt32LE(DOS_TIME, 10);
		// crc and sizes (14–25) stay zero: they follow the data
		local.writeUInt16LE(name.length, 26);
		yield Buffer.concat([local, name]);
		let crc = 0;
		let size = 0;
		let compressed = 0;
		const input = Readable.from(
			(async function* () {
				for await (const text of body) {
					const bytes = Buffer.from(text, 'utf8');
					crc = crc32(bytes, crc);
					size += bytes.length;
					yield bytes;
				}
			})()
		);
		const deflated = pipeline(input, createDeflateRaw(), () => {});
		for await (const chunk of deflated as AsyncIterable<Buffer>) {
			compressed += chunk.length;
			yield chunk;
		}
		if (size > ZIP32_LIMIT || offset > ZIP32_LIMIT) throw new Error('xlsx-stream: over the 4 GB a ZIP32 archive can hold');
		const descriptor = Buffer.alloc(16);
		descriptor.writeUInt32LE(DESCRIPTOR, 0);
		descriptor.writeUInt32LE(crc >>> 0, 4);
		descriptor.writeUInt32LE(compressed, 8);
		descriptor.writeUInt32LE(size, 12);
		yield descriptor;
		directory.push({ name, crc: crc >>> 0, compressed, size, offset });
		offset += 30 + name.length + compressed + 16;
	}
	const central = directory.map((e) => {
		const b = Buffer.alloc(46 + e.name.length);
		b.writeUInt32LE(CENTRAL, 0);
		b.writeUInt16LE(20, 4); // made by
		b.writeUInt16LE(20, 6); // version needed
		b.writeUInt16LE(FLAGS, 8);
		b.writeUInt16LE(DEFLATE, 10);
		b.writeUInt32LE(DOS_TIME, 12);
		b.writeUInt32LE(e.crc, 16);
		b.writeUInt32LE(e.compressed, 20);
		b.writeUInt32LE(e.size, 24);
		b.writeUInt16LE(e.name.length, 28);
		// extra, comment, disk, attributes: zero
		b.writeUInt32LE(e.offset, 42);
		e.name.copy(b, 46);
		return b;
	});
	const centralSize = central.reduce((sum, b) => sum + b.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(END, 0);
	end.writeUInt16LE(directory.length, 8);
	end.writeUInt16LE(directory.length, 10);
	end.writeUInt32LE(centralSize, 12);
	end.writeUInt32LE(offset, 16);
	yield Buffer.concat([...central, end]);
}

/** One sheet: a bold header row (kept in view when scrolling), then the rows as they come. */
export function xlsxStream(sheetName: string, header: XlsxCell[], batches: AsyncIterable<XlsxCell[][]>): AsyncGenerator<Buffer> {
	const parts = workbookParts(sheetName);
	return zip([
		['[Content_Types].xml', once(parts['[Content_Types].xml'])],
		['_rels/.rels', once(parts['_rels/.rels'])],
		['xl/workbook.xml', once(parts['xl/workbook.xml'])],
		['xl/_rels/workbook.xml.rels', once(parts['xl/_rels/workbook.xml.rels'])],
		['xl/styles.xml', once(parts['xl/styles.xml'])],
		['xl/worksheets/sheet1.xml', sheetXml(header, batches)]
	]);
}

/** An async generator of bytes as a web stream for a Response; the generator stops when the download is cancelled. */
export function toWebStream(chunks: AsyncGenerator<Uint8Array | string>): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const { value, done } = await chunks.next();
				if (done) controller.close();
				else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
			} catch (err) {
				controller.error(err);
			}
		},
		async cancel() {
			await chunks.return(undefined);
		}
	});
}
