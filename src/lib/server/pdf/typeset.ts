import { createRequire } from 'node:module';
import fs from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

/**
 * Mixed-script text on PDF pages (pdfkit), for every document the platform prints (letters,
 * agreements). Fonts ship with the app (npm packages, no CDN): DejaVu Sans for Latin and
 * Cyrillic, Kazakh letters included; Noto Sans SC for Chinese. Text is split into runs by which
 * font has the glyphs, so one line may mix scripts.
 *
 * pdfkit's own line wrapping cannot mix fonts: `continued` runs each take their own alignment
 * (right-aligned runs all end at the margin, printed over each other), their own line height
 * and their own baseline (pdfkit puts a run's top, not its baseline, at y; Noto Sans SC rises
 * higher than DejaVu Sans). So lines are set here: words are measured in their font, lines
 * filled to the width (Chinese breaks between characters, never before closing or after
 * opening punctuation), and every run of a line is drawn on one baseline, the line's height
 * taken from the tallest font its paragraph uses. Imports no domain module.
 */
const require = createRequire(import.meta.url);
const FONT_FILES = {
	latin: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
	latinBold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
	cjk: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
	cjkBold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')
};
export type FontName = keyof typeof FONT_FILES;
/** Which font a document's text is set in first: Noto Sans SC for Chinese, DejaVu Sans otherwise. */
export type PrimaryFont = 'latin' | 'cjk';

export const primaryFontFor = (lang: string): PrimaryFont => (lang.startsWith('zh') ? 'cjk' : 'latin');

interface LoadedFont {
	file: Buffer;
	font: fontkit.Font;
	/** Above and below the baseline, per point of type size. */
	ascent: number;
	descent: number;
}
let fonts: Record<FontName, LoadedFont> | null = null;
export function loadFonts(): Record<FontName, LoadedFont> {
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
 * the document's own font when that font has it (so a Chinese document's digits and Latin names
 * are set in Noto Sans SC, like its Chinese), the other font otherwise; spaces stay with the
 * run they are in.
 */
export function fontRuns(text: string, primary: PrimaryFont = 'latin'): { cjk: boolean; text: string }[] {
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
export interface Piece {
	font: FontName;
	text: string;
}
/** What a line never breaks inside: a word with the spaces after it, or one Chinese character with its punctuation. */
export interface Unit {
	pieces: Piece[];
	width: number;
	/** The spaces after it: printed between words, dropped at the end of a line. */
	space: Piece | null;
	spaceWidth: number;
}
/** One line of set text. */
export type Line = Unit[];

export interface TextStyle {
	size: number;
	bold?: boolean;
	align?: 'left' | 'right' | 'center';
	color?: string;
	/** Extra space between lines, in points. */
	lineGap?: number;
	/** Space after the paragraph, in its own lines. */
	gap?: number;
}

/**
 * A new PDF document with the fonts registered; `finish()` ends it and gives its bytes.
 * Options are pdfkit's (size, margins, info, lang, bufferPages, …).
 */
export function createPdf(options: PDFKit.PDFDocumentOptions) {
	const f = loadFonts();
	const doc = new PDFDocument(options);
	for (const name of Object.keys(FONT_FILES) as FontName[]) doc.registerFont(name, f[name].file);
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
	return {
		doc,
		async finish(): Promise<Uint8Array> {
			doc.end();
			await done;
			return new Uint8Array(Buffer.concat(chunks));
		}
	};
}

/** Where text runs on a page: from `left`, `width` wide, and no line below `bottom` (points from the top). */
export interface Frame {
	left: number;
	width: number;
	bottom: number;
}

export interface TypesetOptions {
	/** Lines may also break after a hyphen between letters or digits, or a slash before a letter (codes, ids, addresses in narrow columns; not 2025/2026). */
	breakAfterHyphen?: boolean;
}

/**
 * Sets text in one document: measures, fills lines and draws them, all runs of a line on one
 * baseline. `write` flows text down the frame and starts a new page where a line would pass
 * its bottom; `linesOf`, `metricsOf` and `drawLine` let a caller place lines itself (tables).
 */
export function typesetter(doc: PDFKit.PDFDocument, primary: PrimaryFont, frame: Frame, options: TypesetOptions = {}) {
	const f = loadFonts();
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
			const breakable =
				!last ||
				last.spaces.length > 0 ||
				((WIDE.test(prev!) || WIDE.test(c.ch)) && !CLOSING.has(c.ch) && !OPENING.has(prev!)) ||
				(!!options.breakAfterHyphen && /[\p{L}\p{N}]/u.test(chars[i - 2]?.ch ?? '') && ((prev === '-' && /[\p{L}\p{N}]/u.test(c.ch)) || (prev === '/' && /\p{L}/u.test(c.ch))));
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
	const linesOf = (text: string, style: TextStyle, width: number): Line[] =>
		text.split(/\r?\n/).flatMap((hardLine) => {
			const lines: Line[] = [];
			let line: Line = [];
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
	const metricsOf = (lines: Line[], style: TextStyle) => {
		const used = new Set(lines.flat().flatMap((u) => u.pieces.map((p) => p.font)));
		if (!used.size) used.add(style.bold ? 'latinBold' : 'latin');
		const ascent = Math.max(...[...used].map((name) => f[name].ascent)) * style.size;
		const descent = Math.max(...[...used].map((name) => f[name].descent)) * style.size;
		return { ascent, descent, lineHeight: ascent + descent + (style.lineGap ?? 0) };
	};

	/** Draws one line with its top at `top`, aligned in x…x + width; the colour is the caller's. */
	const drawLine = (line: Line, style: TextStyle, x: number, width: number, top: number, ascent: number) => {
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
	};

	/** Sets a text from the current y, between x and x + width; the next text starts below it. */
	const write = (text: string, style: TextStyle, x = frame.left, width = frame.width) => {
		if (!text.trim()) return 0; // An empty line (a signatory without a title) takes no space.
		const lines = linesOf(text, style, width);
		const { ascent, descent, lineHeight } = metricsOf(lines, style);
		doc.fillColor(style.color ?? '#1a1a1a');
		for (const line of lines) {
			if (doc.y + ascent + descent > frame.bottom) doc.addPage();
			const top = doc.y;
			drawLine(line, style, x, width, top, ascent);
			// text() left y on the baseline; the next line starts below this one's line box.
			doc.y = top + lineHeight;
		}
		doc.x = frame.left;
		if (style.gap) doc.y += style.gap * (ascent + descent);
		return lines.length * lineHeight;
	};

	const heightOf = (text: string, style: TextStyle, width: number) => {
		const lines = linesOf(text, style, width);
		return lines.length * metricsOf(lines, style).lineHeight;
	};

	return { fonts: f, widthOf, linesOf, metricsOf, drawLine, write, heightOf };
}

export type Typesetter = ReturnType<typeof typesetter>;
