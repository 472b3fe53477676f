import { spawnSync } from 'node:child_process';
import zlib from 'node:zlib';

/**
 * Reads a printed PDF back the way a reader or a scanner would, for layout tests: poppler's
 * pdftotext gives each word's box on the page and the text in drawing order; the pages' content
 * streams give the ruling (lines and rectangles) pdfkit drew.
 */

export const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).stdout.trim();

export interface Box {
	text: string;
	xMin: number;
	yMin: number;
	xMax: number;
	yMax: number;
}
export interface Page {
	width: number;
	height: number;
	words: Box[];
	lines: Box[];
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const box = (attrs: string, text: string): Box => {
	const n = (name: string) => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(attrs)![1]);
	return { text, xMin: n('xMin'), yMin: n('yMin'), xMax: n('xMax'), yMax: n('yMax') };
};

/** pdftotext -bbox-layout: pages with their words and lines, in points from the top left. */
export function layout(file: string): Page[] {
	const run = spawnSync(pdftotext, ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
	return [...run.stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, width, height, body]) => ({
		width: Number(width),
		height: Number(height),
		words: [...body!.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map(([, attrs, text]) => box(attrs!, unescape(text!))),
		lines: [...body!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map(([, attrs, inner]) => box(attrs!, [...inner!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => unescape(m[1]!)).join(' ')))
	}));
}

/** The text in the order it was drawn (pdftotext -raw), one string a page. */
export function drawnText(file: string): string[] {
	const run = spawnSync(pdftotext, ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
	return run.stdout.split('\f').slice(0, -1);
}

/** How far (pt) two boxes may touch before it counts as overprinting: glyph boxes of neighbouring words meet. */
const OVERLAP = 0.75;
const intersection = (a: Box, b: Box) => ({ w: Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin), h: Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) });

/** Pairs of boxes that print over each other (beyond the tolerance, in both directions). */
export function overlaps(boxes: Box[]) {
	const found: string[] = [];
	for (let i = 0; i < boxes.length; i++)
		for (let j = i + 1; j < boxes.length; j++) {
			const { w, h } = intersection(boxes[i]!, boxes[j]!);
			if (w > OVERLAP && h > OVERLAP) found.push(`"${boxes[i]!.text}" × "${boxes[j]!.text}" (${w.toFixed(1)} × ${h.toFixed(1)} pt)`);
		}
	return found;
}

/** Words of a page outside its margins (1 pt of tolerance). */
export function outsideMargins(page: Page, margin: number) {
	return page.words
		.filter((w) => w.xMin < margin - 1 || w.xMax > page.width - margin + 1 || w.yMin < margin - 1 || w.yMax > page.height - margin + 1)
		.map((w) => `"${w.text}" [${w.xMin}, ${w.yMin}, ${w.xMax}, ${w.yMax}]`);
}

/** The content stream of each page (pdfkit writes one a page, with text in it). */
function pageStreams(pdf: Uint8Array): string[] {
	const bytes = Buffer.from(pdf);
	const latin1 = bytes.toString('latin1');
	const pages: string[] = [];
	for (const m of latin1.matchAll(/\/FlateDecode[^>]*>>\s*stream\r?\n/g)) {
		const start = m.index + m[0].length;
		const end = latin1.indexOf('endstream', start);
		let text: string;
		try {
			text = zlib.inflateSync(bytes.subarray(start, end)).toString('latin1');
		} catch {
			continue;
		}
		if (/\bBT\b[\s\S]*\bTf\b/.test(text)) pages.push(text);
	}
	return pages;
}

/**
 * The points of every line and rectangle drawn on each page, in points from the top left
 * (pdfkit flips the page's coordinates once at its start, so paths are written top-down).
 */
export function pathPoints(pdf: Uint8Array): { x: number; y: number }[][] {
	const num = '(-?[\\d.]+)';
	return pageStreams(pdf).map((stream) => [
		...[...stream.matchAll(new RegExp(`${num} ${num} [ml]\\b`, 'g'))].map(([, x, y]) => ({ x: Number(x), y: Number(y) })),
		...[...stream.matchAll(new RegExp(`${num} ${num} ${num} ${num} re\\b`, 'g'))].flatMap(([, x, y, w, h]) => [
			{ x: Number(x), y: Number(y) },
			{ x: Number(x) + Number(w), y: Number(y) + Number(h) }
		])
	]);
}

export const squash = (s: string) => s.replace(/\s+/g, '');
