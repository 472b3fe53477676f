import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '$lib/pagination';
import type { RunningPlatform } from '../boot/platform';
import { faqEditing } from '../news/faq-editing.service';
import { faqItem } from '../news/news.tables';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { DASHBOARD_LIST_LIMIT, translationCoverage, workspaceAttention } from './attention.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

/** An institution with `seeded` FAQ entries written straight to the table (no revision yet) and `edited` made in the editor. */
async function institutionWith(seeded: number, edited = 0) {
	const inst = await makeInstitution(platform, { locales: ['en', 'ru'] });
	const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
	if (seeded) {
		await platform.db.insert(faqItem).values(Array.from({ length: seeded }, (_, i) => ({ institutionId: inst.id, slug: `seeded-${i}`, question: { en: `Seeded question ${i}?` }, answer: { en: 'Yes.' } })));
	}
	const created = [];
	for (let i = 0; i < edited; i++) {
		const item = await faqEditing.create(editor, inst.id, { slug: `edited-${i}`, position: 1, question: { en: `Edited question ${i}?` }, answer: { en: 'No.' } });
		// The newest revision differs from the row: the list must show the revision.
		await faqEditing.save(editor, inst.id, item.id, { slug: `edited-${i}`, position: 1, question: { en: `Edited question ${i}, revised?` }, answer: { en: 'No.' } }, 1);
		created.push(item);
	}
	return { inst, editor, created };
}

describe('the workspace list of a content type', () => {
	it('comes a page at a time, with the total, and every item on exactly one page', async () => {
		const { inst, editor } = await institutionWith(2 * DEFAULT_PAGE_SIZE + 7, 3);
		const total = 2 * DEFAULT_PAGE_SIZE + 10;
		const first = await faqEditing.list(editor, inst.id);
		expect(first).toMatchObject({ total, page: 1, pageSize: DEFAULT_PAGE_SIZE, pageCount: 3 });
		expect(first.items).toHaveLength(DEFAULT_PAGE_SIZE);
		const second = await faqEditing.list(editor, inst.id, { page: 2 });
		const last = await faqEditing.list(editor, inst.id, { page: 3 });
		expect(second.items).toHaveLength(DEFAULT_PAGE_SIZE);
		expect(last).toMatchObject({ page: 3, pageCount: 3 });
		expect(last.items).toHaveLength(10);
		const ids = [...first.items, ...second.items, ...last.items].map((i) => i.id);
		expect(new Set(ids).size).toBe(total);
		// Edited items show their newest revision, with its translation gaps.
		const edited = [...first.items, ...second.items, ...last.items].filter((i) => i.slug.startsWith('edited-'));
		expect(edited.map((i) => i.title.en).sort()).toEqual(['Edited question 0, revised?', 'Edited question 1, revised?', 'Edited question 2, revised?']);
		expect(edited[0]!.gaps.ru.missing).toEqual(['question', 'answer']);
	});

	it('answers a bad, huge or past-the-end page with the first or the last page, never an error', async () => {
		const { inst, editor } = await institutionWith(DEFAULT_PAGE_SIZE + 1);
		for (const page of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, undefined]) {
			const listed = await faqEditing.list(editor, inst.id, { page });
			expect(listed.page, String(page)).toBe(1);
			expect(listed.items).toHaveLength(DEFAULT_PAGE_SIZE);
		}
		for (const page of [3, 1e9, Number.MAX_SAFE_INTEGER]) {
			const listed = await faqEditing.list(editor, inst.id, { page });
			expect(listed, String(page)).toMatchObject({ page: 2, pageCount: 2, total: DEFAULT_PAGE_SIZE + 1 });
			expect(listed.items).toHaveLength(1);
		}
		const own = await institutionWith(0);
		expect(await faqEditing.list(own.editor, own.inst.id, { page: 5 })).toEqual({ items: [], total: 0, page: 1, pageSize: DEFAULT_PAGE_SIZE, pageCount: 1 });
	});

	it('keeps the page size within bounds', async () => {
		const { inst, editor } = await institutionWith(MAX_PAGE_SIZE + 5);
		const huge = await faqEditing.list(editor, inst.id, { pageSize: 10_000 });
		expect(huge).toMatchObject({ pageSize: MAX_PAGE_SIZE, pageCount: 2 });
		expect(huge.items).toHaveLength(MAX_PAGE_SIZE);
		expect((await faqEditing.list(editor, inst.id, { pageSize: 0 })).pageSize).toBe(DEFAULT_PAGE_SIZE);
		expect((await faqEditing.list(editor, inst.id, { pageSize: 7, page: 30 })).items).toHaveLength(2); // 205 = 29 × 7 + 2
	});

	it('is refused to someone outside the institution', async () => {
		const { inst } = await institutionWith(1);
		const outsider = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: (await makeInstitution(platform)).id })).id);
		expect((await failure(faqEditing.list(outsider, inst.id))).status).toBe(404);
		expect((await failure(faqEditing.listForAttention(outsider, inst.id))).status).toBe(404);
	});
});

describe('the dashboard and the translators’ list', () => {
	it('count every item, past any page, without carrying the snapshots', async () => {
		const { inst, editor, created } = await institutionWith(MAX_PAGE_SIZE + 30, 2);
		const all = await faqEditing.listForAttention(editor, inst.id);
		expect(all).toHaveLength(MAX_PAGE_SIZE + 32);
		expect(all.every((i) => !('snapshot' in i))).toBe(true);
		expect(all.find((i) => i.id === created[0]!.id)).toMatchObject({ title: { en: 'Edited question 0, revised?' }, publicState: 'draft', gaps: { ru: { missing: ['question', 'answer'] } } });

		const coverage = await translationCoverage(editor, inst.id);
		expect(coverage.byLocale.ru.filter((e) => e.type === 'faq')).toHaveLength(MAX_PAGE_SIZE + 32);

		const attention = await workspaceAttention(editor, inst.id);
		expect(attention!.drafts.total).toBe(MAX_PAGE_SIZE + 32);
		expect(attention!.drafts.items).toHaveLength(DASHBOARD_LIST_LIMIT);
		expect(attention!.translations.find((t) => t.locale === 'ru')?.missing).toBeGreaterThanOrEqual(2 * (MAX_PAGE_SIZE + 32));
	});
});
