import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '$lib/i18n/format';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import { t } from '$lib/i18n/messages';
import { letterFacts } from './letter-facts';
import { renderLetterPdf, type LetterContent } from './letter-pdf';
import { DEFAULT_TEMPLATES, fillTemplate, LETTER_KINDS, paragraphsOf, type LetterKind } from './letter-text';

/**
 * The printed letter, read back the way a consulate's scanner or a reader would: poppler's
 * pdftotext gives each word's box on the page, and the page's content streams give each run's
 * baseline. No word may sit on another, none may leave the margins, mixed Chinese/Latin/digit
 * lines share one baseline, and what the letter says can be read back in order.
 */
const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).stdout.trim();
// Without poppler-utils the layout cannot be checked: skipped on a developer's machine with a
// note, a failure in CI (where it must be installed), never faked.
const skip = !pdftotext && !process.env.CI;
if (skip) console.warn('letter-pdf.test.ts: pdftotext (poppler-utils) is not installed; the letter layout checks are skipped.');

const MARGIN = 56;
/** How far (pt) two boxes may touch before it counts as overprinting: glyph boxes of neighbouring words meet. */
const OVERLAP = 0.75;
const NOW = new Date('2026-11-28T09:00:00Z');
const CODE = 'K7QM-2XHP-9RTD';

const INSTITUTION = {
	shortName: 'Tongji',
	name: { en: 'Tongji University', ru: 'Университет Тунцзи', kk: 'Тунцзи университеті', zh: '同济大学' },
	city: { en: 'Shanghai', ru: 'Шанхай', kk: 'Шанхай', zh: '上海' },
	address: { en: '1239 Siping Road, Shanghai 200092, China', ru: 'Шанхай, ул. Сыпин, 1239, 200092, Китай', kk: 'Шанхай, Сыпин көшесі, 1239, 200092, Қытай', zh: '中国上海市四平路1239号 200092' },
	contact: 'fao@tongji.edu.cn · +86 21 6598 2427 · https://www.tongji.edu.cn',
	signatory: '王芳 Wang Fang',
	signatoryTitle: { en: 'Director, International Students Office', ru: 'Директор отдела по работе с иностранными студентами', kk: 'Шетелдік студенттер бөлімінің директоры', zh: '留学生办公室主任' }
} as const;

/** The applicant's profile, as a visa invitation needs it. */
const PROFILE = {
	kind: 'student',
	purpose: 'study',
	nationality: 'KZ',
	passportName: 'SERIKOVA ARUZHAN',
	sex: 'F',
	dateOfBirth: '2004-03-08',
	placeOfBirth: 'ALMATY',
	homeAddress: 'Abay Avenue 52, apt. 14\nAlmaty 050008\nKazakhstan',
	passportNumber: 'N12345678',
	passportIssuedOn: '2022-01-02',
	passportExpiry: '2032-01-01',
	stayStart: '2027-09-01',
	stayEnd: '2028-01-31',
	arrivalDate: '2027-08-28'
};

/** A letter's content as issueLetter builds it, without a database. */
function letterContent(kind: LetterKind, locale: Locale): LetterContent {
	// The Kazakh letter's name in Kazakh letters: the account's name, where no passport name is given.
	const profile = locale === 'kk' ? { ...PROFILE, passportName: null } : PROFILE;
	const facts = letterFacts(locale, locale === 'kk' ? 'Әлия Сәрсенқызы Нұрғалиева' : 'Aruzhan Serikova', profile, { institution: INSTITUTION.name[locale], city: INSTITUTION.city[locale], countryCode: 'CN' });
	return {
		lang: locale,
		letterhead: { name: INSTITUTION.name[locale], lines: [INSTITUTION.address[locale], INSTITUTION.contact] },
		title: DEFAULT_TEMPLATES[kind].title[locale]!,
		reference: t('letter_reference', locale, { institution: INSTITUTION.shortName, number: '1042' }),
		date: formatDate(NOW, locale, 'long'),
		paragraphs: paragraphsOf(fillTemplate(DEFAULT_TEMPLATES[kind].body[locale]!, facts)),
		signatory: { name: INSTITUTION.signatory, title: INSTITUTION.signatoryTitle[locale] },
		verification: { code: CODE, url: `https://welcome.example.org/${locale}/verify/${CODE}`, label: t('letter_verify_note', locale), codeLabel: t('letter_code', locale) }
	};
}

interface Box {
	text: string;
	xMin: number;
	yMin: number;
	xMax: number;
	yMax: number;
}
interface Page {
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
function layout(file: string): Page[] {
	const run = spawnSync(pdftotext, ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
	return [...run.stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, width, height, body]) => ({
		width: Number(width),
		height: Number(height),
		words: [...body!.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map(([, attrs, text]) => box(attrs!, unescape(text!))),
		lines: [...body!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map(([, attrs, inner]) => box(attrs!, [...inner!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => unescape(m[1]!)).join(' ')))
	}));
}

const plainText = (file: string) => {
	const run = spawnSync(pdftotext, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
	return run.stdout;
};

const intersection = (a: Box, b: Box) => ({ w: Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin), h: Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) });

/** Pairs of boxes that print over each other (beyond the tolerance, in both directions). */
function overlaps(boxes: Box[]) {
	const found: string[] = [];
	for (let i = 0; i < boxes.length; i++)
		for (let j = i + 1; j < boxes.length; j++) {
			const { w, h } = intersection(boxes[i]!, boxes[j]!);
			if (w > OVERLAP && h > OVERLAP) found.push(`"${boxes[i]!.text}" × "${boxes[j]!.text}" (${w.toFixed(1)} × ${h.toFixed(1)} pt)`);
		}
	return found;
}

/**
 * Every text run pdfkit placed (`1 0 0 1 x y Tm /F Tf`, y is the baseline from the page's foot),
 * per content stream (one a page).
 */
function runsOnPages(pdf: Uint8Array) {
	const bytes = Buffer.from(pdf);
	const latin1 = bytes.toString('latin1');
	const pages: { x: number; y: number; font: string; size: number }[][] = [];
	for (const m of latin1.matchAll(/\/FlateDecode[^>]*>>\s*stream\r?\n/g)) {
		const start = m.index + m[0].length;
		const end = latin1.indexOf('endstream', start);
		let text: string;
		try {
			text = zlib.inflateSync(bytes.subarray(start, end)).toString('latin1');
		} catch {
			continue;
		}
		if (!/\bBT\b[\s\S]*\bTf\b/.test(text)) continue;
		pages.push([...text.matchAll(/1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm\s+\/(\S+) ([\d.]+) Tf/g)].map(([, x, y, font, size]) => ({ x: Number(x), y: Number(y), font: font!, size: Number(size) })));
	}
	return pages;
}

/** Runs on one line (baselines closer than half the type size) whose baselines differ. */
function splitBaselines(runs: { x: number; y: number; font: string; size: number }[]) {
	const found: string[] = [];
	for (let i = 0; i < runs.length; i++)
		for (let j = i + 1; j < runs.length; j++) {
			const a = runs[i]!;
			const b = runs[j]!;
			const dy = Math.abs(a.y - b.y);
			if (dy > 0.05 && dy < 0.5 * Math.min(a.size, b.size)) found.push(`${a.font} ${a.size}pt at y=${a.y} and ${b.font} ${b.size}pt at y=${b.y}`);
		}
	return found;
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(skip)('letter PDFs lay out cleanly in every language', () => {
	let dir: string;
	beforeAll(() => {
		if (!pdftotext) throw new Error('pdftotext is missing: install poppler-utils (apt-get install poppler-utils) to check the letters’ layout.');
		dir = process.env.LETTER_PDF_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'letter-pdf-'));
		fs.mkdirSync(dir, { recursive: true });
	});
	afterAll(() => {
		if (dir && !process.env.LETTER_PDF_DIR) fs.rmSync(dir, { recursive: true, force: true });
	});

	for (const kind of LETTER_KINDS)
		for (const locale of LOCALES)
			it(`${kind} in ${locale}: no overprinting, inside the margins, one baseline a line, text readable`, async () => {
				const content = letterContent(kind, locale);
				const pdf = await renderLetterPdf(content);
				const file = path.join(dir, `${kind}-${locale}.pdf`);
				fs.writeFileSync(file, pdf);
				const pages = layout(file);
				expect(pages.length).toBeGreaterThan(0);

				for (const [i, page] of pages.entries()) {
					expect(overlaps(page.words), `words printed over each other on page ${i + 1}`).toEqual([]);
					expect(overlaps(page.lines), `lines printed over each other on page ${i + 1}`).toEqual([]);
					const outside = page.words.filter((w) => w.xMin < MARGIN - 1 || w.xMax > page.width - MARGIN + 1 || w.yMin < MARGIN - 1 || w.yMax > page.height - MARGIN + 1).map((w) => `"${w.text}" [${w.xMin}, ${w.yMin}, ${w.xMax}, ${w.yMax}]`);
					expect(outside, `words outside the margins on page ${i + 1}`).toEqual([]);
				}
				for (const [i, runs] of runsOnPages(pdf).entries()) expect(splitBaselines(runs), `runs of one line on different baselines, page ${i + 1}`).toEqual([]);

				// What the letter says reads back whole and in order: the reference and date line,
				// the title, every paragraph, the signatory and the verification code.
				const text = squash(plainText(file));
				for (const expected of [`${content.reference} · ${content.date}`, content.title, ...content.paragraphs, content.signatory.name, `${content.verification.codeLabel} ${content.verification.code}`, content.verification.url])
					expect(text, `"${expected}" is not in the letter as printed`).toContain(squash(expected));
			});

	for (const locale of ['zh', 'kk', 'en'] as const)
		it(`the ${locale} invitation prints what a consulate checks, each fact on its own line`, async () => {
			const pdf = await renderLetterPdf(letterContent('invitation', locale));
			const file = path.join(dir, `facts-${locale}.pdf`);
			fs.writeFileSync(file, pdf);
			const lines = layout(file).flatMap((page) => page.lines.map((l) => squash(l.text)));
			const expected = {
				zh: ['姓名（与护照一致）：SERIKOVAARUZHAN', '性别：女', '出生日期及出生地：2004年3月8日，ALMATY', '国籍：哈萨克斯坦', '护照号码：N12345678，签发日期：2022年1月2日，有效期至2032年1月1日', '常住地址：AbayAvenue52,apt.14,Almaty050008,Kazakhstan', '来访目的：学习'],
				kk: ['Тегі мен аты (паспорттағыдай): Әлия Сәрсенқызы Нұрғалиева', 'Жынысы:әйел', 'ALMATY', 'Азаматтығы:Қазақстан', 'Паспорты:N12345678', 'Тұрақтымекенжайы:AbayAvenue52,apt.14,Almaty050008,Kazakhstan', 'Сапармақсаты:оқу'],
				en: ['Fullname(asinthepassport):SERIKOVAARUZHAN', 'Sex:female', 'Dateandplaceofbirth:March8,2004,ALMATY', 'Citizenship:Kazakhstan', 'Passport:N12345678,issuedonJanuary2,2022,validuntilJanuary1,2032', 'Homeaddress:AbayAvenue52,apt.14,Almaty050008,Kazakhstan', 'Purposeofthestay:study']
			}[locale].map(squash);
			for (const fact of expected) expect(lines.some((line) => line.includes(fact)), `"${fact}" is not on a line of the letter`).toBe(true);
		});

	it('wraps long mixed lines within the margins, on one baseline', async () => {
		const content = letterContent('invitation', 'zh');
		content.paragraphs.push(
			'备注：申请人Aruzhan Serikova（护照号码N12345678）将于2027年8月28日乘坐CA1234航班抵达上海浦东国际机场T2航站楼，请于14:30在到达大厅B出口接机；如有变动请致电+86 21 6598 2427或发送邮件至fao@tongji.edu.cn。' +
				'附件：https://welcome.example.org/zh/institutions/tongji/programmes/very-long-programme-address-without-any-spaces-at-all-0123456789'
		);
		const pdf = await renderLetterPdf(content);
		const file = path.join(dir, 'long-zh.pdf');
		fs.writeFileSync(file, pdf);
		for (const page of layout(file)) {
			expect(overlaps(page.words)).toEqual([]);
			expect(page.words.filter((w) => w.xMin < MARGIN - 1 || w.xMax > page.width - MARGIN + 1 || w.yMax > page.height - MARGIN + 1).map((w) => w.text)).toEqual([]);
		}
		for (const runs of runsOnPages(pdf)) expect(splitBaselines(runs)).toEqual([]);
		expect(squash(plainText(file))).toContain('2027年8月28日乘坐CA1234航班');
	});

	it('runs onto another page, still inside the margins, with the verification at the foot', async () => {
		const content = letterContent('invitation', 'zh');
		content.paragraphs = Array.from({ length: 8 }, () => content.paragraphs).flat();
		const pdf = await renderLetterPdf(content);
		const file = path.join(dir, 'pages-zh.pdf');
		fs.writeFileSync(file, pdf);
		const pages = layout(file);
		expect(pages.length).toBeGreaterThan(1);
		for (const page of pages) {
			expect(overlaps(page.words)).toEqual([]);
			expect(page.words.filter((w) => w.xMin < MARGIN - 1 || w.xMax > page.width - MARGIN + 1 || w.yMin < MARGIN - 1 || w.yMax > page.height - MARGIN + 1).map((w) => w.text)).toEqual([]);
		}
		expect(pages.at(-1)!.words.map((w) => w.text)).toContain(CODE);
	});
});
