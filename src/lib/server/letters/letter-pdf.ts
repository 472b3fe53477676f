import QRCode from 'qrcode';
import { createPdf, primaryFontFor, typesetter, type TextStyle } from '../pdf/typeset';

/**
 * Letters as PDF (pdfkit): a letterhead, the title, the paragraphs, the signature and the
 * verification code with its QR code at the foot. The text is set by pdf/typeset.ts (DejaVu
 * Sans and Noto Sans SC mixed on one baseline), so a line may mix scripts.
 */

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
	const primary = primaryFontFor(content.lang);
	const qr = await QRCode.toBuffer(content.verification.url, { margin: 0, width: 180, errorCorrectionLevel: 'M' });
	const { doc, finish } = createPdf({ size: 'A4', margin: MARGIN, info: { Title: content.title, Author: content.letterhead.name }, lang: content.lang, pdfVersion: '1.7', compress: true });
	const { fonts: f, write, heightOf } = typesetter(doc, primary, { left: MARGIN, width: doc.page.width - MARGIN * 2, bottom: doc.page.height - MARGIN });

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
	return finish();
}
