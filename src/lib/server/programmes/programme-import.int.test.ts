import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFinderQuery } from '$lib/programmes/finder';
import { listAuditEvents } from '../audit/audit.service';
import { readSpreadsheet, writeXlsx } from '../spreadsheets/spreadsheet';
import type { RunningPlatform } from '../boot/platform';
import { search } from '../search/search.service';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { programmeEditing } from './programme-editing.service';
import { applyProgrammeImport, checkProgrammeImport, exportProgrammes } from './programme-import.service';
import { findProgrammes } from './programmes.service';
import { seedExchangeRates } from './programmes.seed';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedExchangeRates(platform);
});
afterAll(async () => platform?.close());

const header = 'slug;level;isced;title_en;title_ru;languages;duration_months;tuition;currency;application_opens;application_deadline';
const csv = (lines: string[]) => new TextEncoder().encode([header, ...lines].join('\n'));
const row = (n: number, slug = `imported-${n}`) => `${slug};master;0613;Imported programme ${n};Программа ${n};en, ru;24;${1000 + n};EUR;2026-01-01;2099-06-30`;

async function team() {
	const inst = await makeInstitution(platform);
	const editor = await makeUser(platform, { role: 'editor', institutionId: inst.id });
	const translator = await makeUser(platform, { role: 'translator', institutionId: inst.id });
	const outsider = await makeUser(platform, { role: 'editor', institutionId: (await makeInstitution(platform)).id });
	return { inst, editor: await contextFor(platform, editor.id), translator: await contextFor(platform, translator.id), outsider: await contextFor(platform, outsider.id), admin: await contextFor(platform, (await makeUser(platform, { role: 'institution_admin', institutionId: inst.id })).id) };
}

describe('programme import', () => {
	it('checks a file without writing anything, then imports all of it and publishes it', async () => {
		const t = await team();
		const check = await checkProgrammeImport(t.editor, t.inst.id, { bytes: csv(Array.from({ length: 20 }, (_, i) => row(i + 1))), name: 'programmes.csv' });
		expect(check).toMatchObject({ total: 20, creates: 20, updates: 0, errors: [] });
		const before = await findProgrammes(t.editor, parseFinderQuery(new URLSearchParams(`institution=${t.inst.slug}`)).filters, '2027-01-01');
		expect(before.total).toBe(0);

		expect(await applyProgrammeImport(t.editor, t.inst.id, check.batchId!, { publish: true })).toEqual({ created: 20, updated: 0, published: true });
		const after = await findProgrammes(t.editor, parseFinderQuery(new URLSearchParams(`institution=${t.inst.slug}`)).filters, '2027-01-01');
		expect(after.total).toBe(20);
		expect(after.items[0]).toMatchObject({ tuitionCurrency: 'EUR', languages: ['en', 'ru'] });
		expect((await search(t.editor, 'imported programme 7')).map((r) => r.path)).toContain(`/institutions/${t.inst.slug}/programmes/imported-7`);

		// The same batch cannot be imported twice.
		expect(await failure(applyProgrammeImport(t.editor, t.inst.id, check.batchId!, { publish: true }))).toMatchObject({ messageKey: 'error_import_batch_gone' });
		const { events } = await listAuditEvents(t.admin, { institutionId: t.inst.id });
		expect(events[0]).toMatchObject({ action: 'programme.import' });
	});

	it('lists row-level errors and keeps no batch when any row is wrong', async () => {
		const t = await team();
		const check = await checkProgrammeImport(t.editor, t.inst.id, { bytes: csv([row(1), 'bad slug;professor;0613;;;en;24;;;;', row(3, 'imported-1')]), name: null });
		expect(check.batchId).toBeNull();
		expect(check.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
			[3, 'slug', 'error_slug_invalid'],
			[3, 'level', 'error_import_level'],
			[3, 'title_en', 'error_required'],
			[4, 'slug', 'error_import_duplicate']
		]);
	});

	it('updates programmes that exist, matched by address, and keeps unpublished imports off the portal', async () => {
		const t = await team();
		const first = await checkProgrammeImport(t.editor, t.inst.id, { bytes: csv([row(1), row(2)]), name: null });
		await applyProgrammeImport(t.editor, t.inst.id, first.batchId!, { publish: false });
		expect((await findProgrammes(t.editor, parseFinderQuery(new URLSearchParams(`institution=${t.inst.slug}`)).filters, '2027-01-01')).total).toBe(0);
		const second = await checkProgrammeImport(t.editor, t.inst.id, { bytes: csv([row(2), row(3)]), name: null });
		expect(second).toMatchObject({ creates: 1, updates: 1 });
		// Published, then imported again as drafts: the public keeps the published version; the file's waits as a draft.
		await applyProgrammeImport(t.editor, t.inst.id, second.batchId!, { publish: true });
		expect((await search(t.editor, 'imported programme 3')).map((r) => r.path)).toContain(`/institutions/${t.inst.slug}/programmes/imported-3`);
		const third = await checkProgrammeImport(t.editor, t.inst.id, { bytes: csv([row(3).replace('Imported programme 3', 'Renamed programme 3')]), name: 'fix.csv' });
		await applyProgrammeImport(t.editor, t.inst.id, third.batchId!, { publish: false });
		expect((await search(t.editor, 'imported programme 3')).map((r) => r.path)).toContain(`/institutions/${t.inst.slug}/programmes/imported-3`);
		const [listed] = (await programmeEditing.list(t.editor, t.inst.id)).items.filter((p) => p.slug === 'imported-3');
		expect(listed).toMatchObject({ publicState: 'published', pendingChanges: true, title: { en: 'Renamed programme 3' } });
		const history = await programmeEditing.history(t.editor, t.inst.id, listed!.id);
		expect(history.revisions.map((r) => [r.number, r.state, r.authorName, r.note])).toEqual([
			[2, 'draft', t.editor.actor!.email, 'fix.csv'],
			[1, 'published', t.editor.actor!.email, null]
		]);
		// Publishing the draft in the editor makes the file's version public.
		await programmeEditing.publish(t.editor, t.inst.id, listed!.id, { version: (await programmeEditing.get(t.editor, t.inst.id, listed!.id)).version });
		expect((await search(t.editor, 'renamed programme 3')).map((r) => r.path)).toContain(`/institutions/${t.inst.slug}/programmes/imported-3`);
	});

	it('reads XLSX by its content and exports what it imports', async () => {
		const t = await team();
		const xlsx = await writeXlsx([header.split(';'), row(1).split(';')], 'Sheet1');
		const check = await checkProgrammeImport(t.editor, t.inst.id, { bytes: new Uint8Array(xlsx), name: 'renamed.csv' });
		expect(check).toMatchObject({ creates: 1, errors: [] });
		await applyProgrammeImport(t.editor, t.inst.id, check.batchId!, { publish: true });
		const exported = await exportProgrammes(t.editor, t.inst.id, 'xlsx');
		const sheet = await readSpreadsheet(new Uint8Array(exported.body as Buffer));
		expect(sheet[0]).toContain('slug');
		expect(sheet[1]![0]).toBe('imported-1');
		const again = await checkProgrammeImport(t.editor, t.inst.id, { bytes: new Uint8Array(exported.body as Buffer), name: null });
		expect(again).toMatchObject({ updates: 1, creates: 0, errors: [] });
	});

	it('refuses files that are not spreadsheets, whatever their name', async () => {
		const t = await team();
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe]);
		expect(await failure(checkProgrammeImport(t.editor, t.inst.id, { bytes: png, name: 'programmes.csv' }))).toMatchObject({ fields: { file: 'error_file_type_spreadsheet' } });
		const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
		expect(await failure(checkProgrammeImport(t.editor, t.inst.id, { bytes: brokenZip, name: 'x.xlsx' }))).toMatchObject({ fields: { file: 'error_file_unreadable' } });
		expect(await failure(checkProgrammeImport(t.editor, t.inst.id, { bytes: new Uint8Array(), name: null }))).toMatchObject({ fields: { file: 'error_file_required' } });
	});

	it('is for editors of the institution only', async () => {
		const t = await team();
		expect(await failure(checkProgrammeImport(t.translator, t.inst.id, { bytes: csv([row(1)]), name: null }))).toMatchObject({ status: 403 });
		expect(await failure(checkProgrammeImport(t.outsider, t.inst.id, { bytes: csv([row(1)]), name: null }))).toMatchObject({ status: 404 });
		const check = await checkProgrammeImport(t.editor, t.inst.id, { bytes: csv([row(1)]), name: null });
		// Another editor cannot apply someone else's batch.
		expect(await failure(applyProgrammeImport(t.admin, t.inst.id, check.batchId!, { publish: false }))).toMatchObject({ messageKey: 'error_import_batch_gone' });
	});
});

describe('export of all content', () => {
	it('gives editors every language of profile, programmes, news drafts and media; not translators', async () => {
		const { exportInstitutionContent } = await import('../content/export.service');
		const { createNews } = await import('../news/news-editing.service');
		const t = await team();
		const check = await checkProgrammeImport(t.editor, t.inst.id, { bytes: csv([row(1)]), name: null });
		await applyProgrammeImport(t.editor, t.inst.id, check.batchId!, { publish: true });
		await createNews(t.editor, t.inst.id, { slug: `export-${Date.now()}`, title: { en: 'Draft for export', ru: 'Черновик' }, summary: {}, body: {} });
		// As the download carries it.
		const content = JSON.parse(JSON.stringify(await exportInstitutionContent(t.editor, t.inst.id)));
		expect(content.format).toBe('welcome-institution-export/1');
		expect(content.institution.name).toEqual(t.inst.name);
		expect(content.programmes.map((p: { title: unknown }) => p.title)).toEqual([{ en: 'Imported programme 1', ru: 'Программа 1' }]);
		expect(content.news[0]).toMatchObject({ status: 'draft', title: { en: 'Draft for export', ru: 'Черновик' } });
		expect(await failure(exportInstitutionContent(t.translator, t.inst.id))).toMatchObject({ status: 403 });
		expect(await failure(exportInstitutionContent(t.outsider, t.inst.id))).toMatchObject({ status: 404 });
	});
});
