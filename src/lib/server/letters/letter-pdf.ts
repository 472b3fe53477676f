import { createRequire } from 'node:module';
import fs from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * Letters as PDF (pdfkit). Fonts ship with the app (npm packages, no CDN): DejaVu Sans for
 * Latin and Cyrillic, Kazakh letters included; Noto Sans SC for Chinese. Text is split into
 * runs by which font has the glyphs, so one line may mix scripts.
 */
const require = createRequire(import.meta.url);
const FONT_FILES = {
	latin: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
	latinBold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
	cjk: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
	cjkBold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')
};

type Fonts = Record<keyof typeof FONT_FILES, Buffer>;
let fonts: Fonts | null = null;
let latinCoverage: fontkit.Font | null = null;
function loadFonts(): Fonts {
	if (!fonts) {
		fonts = Object.fromEntries(Object.entries(FONT_FILES).map(([k, file]) => [k, fs.readFileSync(file)])) as Fonts;
		latinCoverage = fontkit.create(fonts.latin) as fontkit.Font;
	}
	return fonts;
}

/** Splits text into runs of the Latin/Cyrillic font and the Chinese font. */
export function fontRuns(text: string): { cjk: boolean; text: string }[] {
	loadFonts();
	const runs: { cjk: boolean; text: string }[] = [];
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		// Spaces and punctuation stay with the run they are in.
		const cjk = /\s/.test(ch) ? (runs.at(-1)?.cjk ?? false) : !latinCoverage!.hasGlyphForCodePoint(cp);
		const last = runs.at(-1);
		if (last && last.cjk === cjk) last.text += ch;
		else runs.push({ cjk, text: ch });
	}
	return runs;
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

/** Renders one letter; the PDF's text is selectable and searchable in every script. */
export async function renderLetterPdf(content: LetterContent): Promise<Uint8Array> {
	const f = loadFonts();
	const qr = await QRCode.toBuffer(content.verification.url, { margin: 0, width: 180, errorCorrectionLevel: 'M' });
	const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: content.title, Author: content.letterhead.name }, lang: content.lang, pdfVersion: '1.7', compress: true } as PDFKit.PDFDocumentOptions);
	doc.registerFont('latin', f.latin);
	doc.registerFont('latinBold', f.latinBold);
	doc.registerFont('cjk', f.cjk);
	doc.registerFont('cjkBold', f.cjkBold);
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

	const write = (text: string, options: { size: number; bold?: boolean; align?: 'left' | 'right' | 'center' | 'justify'; gap?: number; color?: string }) => {
		const runs = fontRuns(text);
		doc.fontSize(options.size).fillColor(options.color ?? '#1a1a1a');
		runs.forEach((run, i) => {
			doc.font(run.cjk ? (options.bold ? 'cjkBold' : 'cjk') : options.bold ? 'latinBold' : 'latin');
			doc.text(run.text, { continued: i < runs.length - 1, align: options.align ?? 'left', lineGap: 2 });
		});
		if (options.gap) doc.moveDown(options.gap);
	};

	// Letterhead.
	write(content.letterhead.name, { size: 15, bold: true, color: '#0b4f8a' });
	for (const line of content.letterhead.lines) write(line, { size: 9, color: '#444444' });
	const y = doc.y + 6;
	doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(1).strokeColor('#0b4f8a').stroke();
	doc.y = y + 18;
	write(`${content.reference} · ${content.date}`, { size: 9, align: 'right', color: '#444444', gap: 1.5 });
	write(content.title, { size: 14, bold: true, align: 'center', gap: 1.2 });
	for (const p of content.paragraphs) write(p, { size: 11, gap: 0.8 });

	// Signature block.
	doc.moveDown(2);
	write(content.signatory.name, { size: 11, bold: true });
	write(content.signatory.title, { size: 10, color: '#444444' });
	write(content.letterhead.name, { size: 10, color: '#444444' });

	// Verification, at the foot of the page.
	const footY = doc.page.height - MARGIN - 70;
	if (doc.y > footY - 10) doc.addPage();
	doc.image(qr, MARGIN, footY, { width: 64, height: 64 });
	doc.x = MARGIN + 78;
	doc.y = footY + 4;
	const width = doc.page.width - MARGIN * 2 - 78;
	const small = (text: string, bold = false) => {
		const runs = fontRuns(text);
		doc.fontSize(8.5).fillColor('#333333');
		runs.forEach((run, i) => {
			doc.font(run.cjk ? (bold ? 'cjkBold' : 'cjk') : bold ? 'latinBold' : 'latin');
			doc.text(run.text, MARGIN + 78, undefined, { continued: i < runs.length - 1, width });
		});
	};
	small(`${content.verification.codeLabel} ${content.verification.code}`, true);
	small(content.verification.label);
	small(content.verification.url);
	doc.end();
	await done;
	return new Uint8Array(Buffer.concat(chunks));
}
