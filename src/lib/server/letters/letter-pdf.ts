import { createRequire } from 'node:module';
import fs from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * Letters as PDF (pdfkit). Fonts ship with the app (npm packages, no CDN): DejaVu Sans for
 * Latin and Cyrillic, Kazakh letters included; Noto Sans SC for Chinese. Text is split into
 * runs by which font has the glyphs, so one line may mix scripts.
 *
 * pdfkit's own line wrapping cannot mix fonts: `continued` runs each take their own alignment
 * (right-aligned runs all end at the margin, printed over each other), their own line height
 * and their own baseline (pdfkit puts a run's top, not its baseline, at y; Noto Sans SC rises
 * higher than DejaVu Sans). So the letter sets its own lines: words are measured in their
 * font, lines filled to the width (Chinese breaks between characters, never before closing or
 * after opening punctuation), and every run of a line is drawn on one baseline, the line's
 * height taken from the tallest font its paragraph uses.
 */
const require = createRequire(import.meta.url);
const FONT_FILES = {
	latin: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
	latinBold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
	cjk: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
	cjkBold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')
};
type FontName = keyof typeof FONT_FILES;

interface LoadedFont {
	file: Buffer;
	font: fontkit.Font;
	/** Above and below the baseline, per point of type size. */
	ascent: number;
	descent: number;
}
let fonts: Record<FontName, LoadedFont> | null = null;
function loadFonts(): Record<FontName, LoadedFont> {
	if (!fonts) {
		fonts = Object.fromEntries(
			Object.entries(FONT_FILES).map(([name, path]) => {
				const file = fs.readFileSync(path);
				const font = fontkit.create(file) as fontkit.Font;
				return [name, { file, font, ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm }];
			})
		) as Record<FontName, LoadedFont>;
	}
	return fonts;
}

/**
 * Splits text into runs of the Latin/Cyrillic font and the Chinese font. Each character takes
 * the letter's own font when that font has it (so a Chinese letter's digits and Latin names
 * are set in Noto Sans SC, like its Chinese), the other font otherwise; spaces stay with the
 * run they are in.
 */
export function fontRuns(text: string, primary: 'latin' | 'cjk' = 'latin'): { cjk: boolean; text: string }[] {
	const f = loadFonts();
	const runs: { cjk: boolean; text: string }[] = [];
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		const cjk = /\s/.test(ch) ? (runs.at(-1)?.cjk ?? primary === 'cjk') : primary === 'cjk' ? f.cjk.font.hasGlyphForCodePoint(cp) || !f.latin.font.hasGlyphForCodePoint(cp) : !f.latin.font.hasGlyphForCodePoint(cp);
		const last = runs.at(-1);
		if (last && last.cjk === cjk) last.text += ch;
		else runs.push({ cjk, text: ch });
	}
	return runs;
}

/** Characters set one by one in Chinese text: a line may break before and after each. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u2E80-\u2FFF\u3000-\u303F\u3200-\u33FF\uFE30-\uFE4F\uFF00-\uFFEF]/u;
/** No line starts with these… */
const CLOSING = new Set([...'，。、；：！？）」』】〉》〕］｝〗〙〛”’…‥·・ー々〻%‰,.;:!?)]}']);
/** …and none ends with these. */
const OPENING = new Set([...'（「『【〈《〔［｛〖〘〚“‘([{']);

/** A piece of a line in one font. */
interface Piece {
	font: FontName;
	text: string;
}
/** What a line never breaks inside: a word with the spaces after it, or one Chinese character with its punctuation. */
interface Unit {
	pieces: Piece[];
	width: number;
	/** The spaces after it: printed between words, dropped at the end of a line. */
	space: Piece | null;
	spaceWidth: number;
}

export interface LetterContent {
	lang: string;
	letterhead: { name: string; lines: string[] };
	title: string;
	reference: string;
	date: string;
	paragraphs: string[];
	signatory: { name: string; title: string };
	verification: { code: string; url: string; label: string; codeLabel: string };
}

const MARGIN = 56;

interface TextStyle {
	size: number;
	bold?: boolean;
	align?: 'left' | 'right' | 'center';
	color?: string;
	/** Extra space between lines, in points. */
	lineGap?: number;
	/** Space after the paragraph, in its own lines. */
	gap?: number;
}

/** Renders one letter; the PDF's text is selectable and searchable in every script. */
export async function renderLetterPdf(content: LetterContent): Promise<Uint8Array> {
	const f = loadFonts();
	const primary = content.lang.startsWith('zh') ? 'cjk' : 'latin';
	const qr = await QRCode.toBuffer(content.verification.url, { margin: 0, width: 180, errorCorrectionLevel: 'M' });
	const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: content.title, Author: content.letterhead.name }, lang: content.lang, pdfVersion: '1.7', compress: true } as PDFKit.PDFDocumentOptions);
	for (const name of Object.keys(FONT_FILES) as FontName[]) doc.registerFont(name, f[name].file);
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

	const widthOf = (text: string, font: FontName, size: number) => doc.font(font).fontSize(size).widthOfString(text);

	/** The units of one line of text (no line breaks in it). */
	const unitsOf = (text: string, style: TextStyle): Unit[] => {
		const chars = fontRuns(text, primary).flatMap((run) => [...run.text].map((ch) => ({ ch, font: (run.cjk ? (style.bold ? 'cjkBold' : 'cjk') : style.bold ? 'latinBold' : 'latin') as FontName })));
		const groups: { chars: typeof chars; spaces: typeof chars }[] = [];
		for (const [i, c] of chars.entries()) {
			const last = groups.at(-1);
			if (/\s/.test(c.ch)) {
				if (last) last.spaces.push(c);
				continue; // Spaces that start a line are not printed.
			}
			const prev = chars[i - 1]?.ch;
			const breakable = !last || last.spaces.length > 0 || ((WIDE.test(prev!) || WIDE.test(c.ch)) && !CLOSING.has(c.ch) && !OPENING.has(prev!));
			if (breakable) groups.push({ chars: [c], spaces: [] });
			else last.chars.push(c);
		}
		const piecesOf = (list: typeof chars) =>
			list.reduce<Piece[]>((pieces, c) => {
				const last = pieces.at(-1);
				if (last && last.font === c.font) last.text += c.ch;
				else pieces.push({ font: c.font, text: c.ch });
				return pieces;
			}, []);
		return groups.map((g) => {
			const pieces = piecesOf(g.chars);
			const space = g.spaces.length ? { font: g.spaces[0]!.font, text: g.spaces.map((s) => s.ch).join('') } : null;
			return { pieces, width: pieces.reduce((sum, p) => sum + widthOf(p.text, p.font, style.size), 0), space, spaceWidth: space ? widthOf(space.text, space.font, style.size) : 0 };
		});
	};

	/** A unit too wide for a whole line, cut between characters. */
	const cut = (unit: Unit, width: number, size: number): Unit[] => {
		const out: Unit[] = [];
		let current: Unit = { pieces: [], width: 0, space: null, spaceWidth: 0 };
		for (const piece of unit.pieces)
			for (const ch of piece.text) {
				const w = widthOf(ch, piece.font, size);
				if (current.width + w > width && current.pieces.length) {
					out.push(current);
					current = { pieces: [], width: 0, space: null, spaceWidth: 0 };
				}
				const last = current.pieces.at(-1);
				if (last && last.font === piece.font) last.text += ch;
				else current.pieces.push({ font: piece.font, text: ch });
				current.width += w;
			}
		out.push({ ...current, space: unit.space, spaceWidth: unit.spaceWidth });
		return out;
	};

	/** Fills lines to the width. */
	const linesOf = (text: string, style: TextStyle, width: number): Unit[][] =>
		text.split(/\r?\n/).flatMap((hardLine) => {
			const lines: Unit[][] = [];
			let line: Unit[] = [];
			let used = 0;
			for (const whole of unitsOf(hardLine, style))
				for (const unit of whole.width > width ? cut(whole, width, style.size) : [whole]) {
					const before = line.at(-1)?.spaceWidth ?? 0;
					if (line.length && used + before + unit.width > width) {
						lines.push(line);
						line = [];
						used = 0;
					}
					used += (line.length ? line.at(-1)!.spaceWidth : 0) + unit.width;
					line.push(unit);
				}
			lines.push(line);
			return lines;
		});

	/** How tall the lines of a text are: the tallest font it uses sets them all. */
	const metricsOf = (lines: Unit[][], style: TextStyle) => {
		const used = new Set(lines.flat().flatMap((u) => u.pieces.map((p) => p.font)));
		if (!used.size) used.add(style.bold ? 'latinBold' : 'latin');
		const ascent = Math.max(...[...used].map((name) => f[name].ascent)) * style.size;
		const descent = Math.max(...[...used].map((name) => f[name].descent)) * style.size;
		return { ascent, descent, lineHeight: ascent + descent + (style.lineGap ?? 0) };
	};

	/** Sets a text from the current y, between x and x + width; the next text starts below it. */
	const write = (text: string, style: TextStyle, x = MARGIN, width = doc.page.width - MARGIN * 2) => {
		if (!text.trim()) return 0; // An empty line (a signatory without a title) takes no space.
		const lines = linesOf(text, style, width);
		const { ascent, descent, lineHeight } = metricsOf(lines, style);
		doc.fillColor(style.color ?? '#1a1a1a');
		for (const line of lines) {
			if (doc.y + ascent + descent > doc.page.height - MARGIN) doc.addPage();
			const top = doc.y;
			const baseline = top + ascent;
			// The spaces between words are printed (text copied from the PDF keeps them); the last unit's are not.
			const pieces = line.flatMap((unit, i) => (i < line.length - 1 && unit.space ? [...unit.pieces, unit.space] : unit.pieces));
			const merged = pieces.reduce<Piece[]>((all, p) => {
				const last = all.at(-1);
				if (last && last.font === p.font) last.text += p.text;
				else all.push({ ...p });
				return all;
			}, []);
			const lineWidth = merged.reduce((sum, p) => sum + widthOf(p.text, p.font, style.size), 0);
			let at = x + (style.align === 'right' ? width - lineWidth : style.align === 'center' ? (width - lineWidth) / 2 : 0);
			for (const piece of merged) {
				doc.font(piece.font).fontSize(style.size).text(piece.text, at, baseline, { lineBreak: false, baseline: 'alphabetic' });
				at += widthOf(piece.text, piece.font, style.size);
			}
			// text() left y on the baseline; the next line starts below this one's line box.
			doc.y = top + lineHeight;
		}
		doc.x = MARGIN;
		if (style.gap) doc.y += style.gap * (ascent + descent);
		return lines.length * lineHeight;
	};
	const heightOf = (text: string, style: TextStyle, width: number) => {
		const lines = linesOf(text, style, width);
		return lines.length * metricsOf(lines, style).lineHeight;
	};

	// Letterhead.
	doc.y = MARGIN;
	write(content.letterhead.name, { size: 15, bold: true, color: '#0b4f8a', lineGap: 2 });
	for (const line of content.letterhead.lines) write(line, { size: 9, color: '#444444', lineGap: 2 });
	const y = doc.y + 6;
	doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(1).strokeColor('#0b4f8a').stroke();
	doc.y = y + 18;
	write(`${content.reference} · ${content.date}`, { size: 9, align: 'right', color: '#444444', lineGap: 2, gap: 1.5 });
	write(content.title, { size: 14, bold: true, align: 'center', lineGap: 2, gap: 1.2 });
	for (const p of content.paragraphs) write(p, { size: 11, lineGap: 2, gap: 0.8 });

	// Signature block.
	doc.y += 2 * 11 * (f.latin.ascent + f.latin.descent);
	write(content.signatory.name, { size: 11, bold: true, lineGap: 2 });
	write(content.signatory.title, { size: 10, color: '#444444', lineGap: 2 });
	write(content.letterhead.name, { size: 10, color: '#444444', lineGap: 2 });

	// Verification, at the foot of the page: the code beside the QR code, above the margin.
	const textX = MARGIN + 78;
	const width = doc.page.width - MARGIN - textX;
	const codeStyle: TextStyle = { size: 8.5, bold: true, color: '#333333' };
	const noteStyle: TextStyle = { size: 8.5, color: '#333333' };
	const codeLine = `${content.verification.codeLabel} ${content.verification.code}`;
	const footHeight = Math.max(70, 4 + heightOf(codeLine, codeStyle, width) + heightOf(content.verification.label, noteStyle, width) + heightOf(content.verification.url, noteStyle, width));
	const footY = doc.page.height - MARGIN - footHeight;
	if (doc.y > footY - 10) doc.addPage();
	doc.image(qr, MARGIN, footY, { width: 64, height: 64 });
	doc.y = footY + 4;
	write(codeLine, codeStyle, textX, width);
	write(content.verification.label, noteStyle, textX, width);
	write(content.verification.url, noteStyle, textX, width);
	doc.end();
	await done;
	return new Uint8Array(Buffer.concat(chunks));
}
