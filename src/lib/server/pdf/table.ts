import type { Frame, Line, TextStyle, Typesetter } from './typeset';

/**
 * Simple ruled tables on typeset text: columns of fixed widths, cells that wrap, a header row
 * repeated on each page the table continues on. A row that does not fit the rest of the page
 * starts the next one; a row taller than a whole page is split between its lines. Nothing is
 * drawn below the frame's bottom.
 */

export interface TableCell {
	text: string;
	bold?: boolean;
	color?: string;
	align?: 'left' | 'right' | 'center';
}
export type TableRow = (string | TableCell)[];

export interface TableOptions {
	/** Column widths in points; they add up to the table's width. */
	columns: number[];
	header?: TableRow;
	rows: TableRow[];
	/** The body's type; the header is set in it too, bold. */
	style: TextStyle;
	headerStyle?: Partial<TextStyle>;
	x?: number;
	padding?: number;
	borderColor?: string;
	headerFill?: string;
	/** Fill of the first column of body rows (a table of labels and values). */
	labelFill?: string;
}

interface SetRow {
	cells: { lines: Line[]; style: TextStyle }[];
	ascent: number;
	lineHeight: number;
	fill: (string | undefined)[];
}

/** A table's rows set in lines, and what its page breaks need to know. */
function setTable(doc: PDFKit.PDFDocument, ts: Typesetter, frame: Frame, options: TableOptions) {
	const pad = options.padding ?? 4;
	const widths = options.columns;

	const setRow = (row: TableRow, base: TextStyle, header: boolean): SetRow => {
		const cells = widths.map((width, i) => {
			const raw = row[i] ?? '';
			const cell = typeof raw === 'string' ? { text: raw } : raw;
			const style: TextStyle = { ...base, bold: cell.bold ?? base.bold, color: cell.color ?? base.color, align: cell.align ?? base.align };
			return { lines: cell.text.trim() ? ts.linesOf(cell.text, style, width - 2 * pad) : [], style };
		});
		// One ascent and line height for the whole row, so its cells' lines share baselines.
		const { ascent, lineHeight } = ts.metricsOf(cells.flatMap((c) => c.lines), base);
		return { cells, ascent, lineHeight, fill: widths.map((_, i) => (header ? options.headerFill : i === 0 ? options.labelFill : undefined)) };
	};

	const headerStyle: TextStyle = { ...options.style, bold: true, ...options.headerStyle };
	const header = options.header ? setRow(options.header, headerStyle, true) : null;
	const heightOf = (row: SetRow, lines: number) => lines * row.lineHeight + 2 * pad;
	const linesIn = (row: SetRow) => Math.max(1, ...row.cells.map((c) => c.lines.length));
	const headerHeight = header ? heightOf(header, linesIn(header)) : 0;
	/** The room for rows on a page of their own, below the repeated header. */
	const pageRoom = frame.bottom - doc.page.margins.top - headerHeight;
	const rows = options.rows.map((raw) => setRow(raw, options.style, false));
	const first = rows[0];
	/** The header with the first row (or its first line, when it is taller than a page): what must not be parted. */
	const lead = headerHeight + (first ? heightOf(first, heightOf(first, linesIn(first)) <= pageRoom ? linesIn(first) : 1) : 0);
	return { pad, widths, header, rows, heightOf, linesIn, pageRoom, lead };
}

/** How much of a table must start on one page (its header and first row): a heading above it keeps this much room. */
export function tableLeadHeight(doc: PDFKit.PDFDocument, ts: Typesetter, frame: Frame, options: TableOptions) {
	return setTable(doc, ts, frame, options).lead;
}

/** Draws a table from doc.y; afterwards doc.y is below it. */
export function drawTable(doc: PDFKit.PDFDocument, ts: Typesetter, frame: Frame, options: TableOptions) {
	const { pad, widths, header, rows, heightOf, linesIn, pageRoom, lead } = setTable(doc, ts, frame, options);
	const x0 = options.x ?? frame.left;
	const lefts = widths.map((_, i) => x0 + widths.slice(0, i).reduce((a, b) => a + b, 0));
	const total = widths.reduce((a, b) => a + b, 0);
	const border = options.borderColor ?? '#8a8f98';
	const atPageTop = () => Math.abs(doc.y - doc.page.margins.top) < 0.01;

	/** Draws `count` lines from `from` of each cell of a row, as one ruled band at doc.y. */
	const band = (row: SetRow, from: number, count: number) => {
		const top = doc.y;
		const height = heightOf(row, count);
		row.fill.forEach((fill, i) => {
			if (fill) doc.rect(lefts[i]!, top, widths[i]!, height).fill(fill);
		});
		row.cells.forEach((cell, i) => {
			doc.fillColor(cell.style.color ?? '#1a1a1a');
			cell.lines.slice(from, from + count).forEach((line, j) => ts.drawLine(line, cell.style, lefts[i]! + pad, widths[i]! - 2 * pad, top + pad + j * row.lineHeight, row.ascent));
		});
		doc.lineWidth(0.5).strokeColor(border);
		doc.rect(x0, top, total, height).stroke();
		for (const left of lefts.slice(1)) doc.moveTo(left, top).lineTo(left, top + height).stroke();
		doc.y = top + height;
	};

	/** Where rows start on a page the table began on at its top or went on to: a row there never moves on. */
	let pageTop = -1;
	const newPage = () => {
		doc.addPage();
		if (header) band(header, 0, linesIn(header));
		pageTop = doc.y;
	};

	if (header && doc.y + lead > frame.bottom) newPage();
	else {
		const fresh = atPageTop();
		if (header) band(header, 0, linesIn(header));
		if (fresh) pageTop = doc.y;
	}
	for (const row of rows) {
		let from = 0;
		const count = linesIn(row);
		while (from < count) {
			const left = count - from;
			if (doc.y + heightOf(row, left) <= frame.bottom) {
				band(row, from, left);
				break;
			}
			// A row that fits on a page of its own moves there whole.
			if (Math.abs(doc.y - pageTop) >= 0.01 && heightOf(row, left) <= pageRoom) {
				newPage();
				continue;
			}
			// Otherwise it is split: the lines that fit here, the rest on the next page.
			const fit = Math.floor((frame.bottom - doc.y - 2 * pad) / row.lineHeight);
			if (fit < 1) {
				newPage();
				continue;
			}
			band(row, from, fit);
			from += fit;
			newPage();
		}
	}
	doc.x = frame.left;
}
