import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { applyCostImport, checkCostImport, exportInstitutionCosts, listInstitutionCosts, saveInstitutionCost } from '../costs/institution-costs.service';
import type { RunningPlatform } from '../boot/platform';
import { programmeEditing } from '../programmes/programme-editing.service';
import { applyProgrammeImport, checkProgrammeImport, exportProgrammes } from '../programmes/programme-import.service';
import { seedExchangeRates } from '../programmes/programmes.seed';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { readSpreadsheet, writeXlsx } from './spreadsheet';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedExchangeRates(platform);
});
afterAll(async () => platform?.close());

const HYPERLINK = '=HYPERLINK("http://evil.example","x")';
const SUM = '@SUM(1)';

async function editorOf() {
	const inst = await makeInstitution(platform);
	return { inst, editor: await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id) };
}

/** The CSV as Excel sees it: cells exactly as written, nothing trimmed. */
const cellsOf = (body: unknown) => parse(String(body), { bom: true }) as string[][];

describe('CSV exports and formulas', () => {
	it('escapes programme titles that Excel would run, and imports the file back unchanged', async () => {
		const { inst, editor } = await editorOf();
		const header = ['slug', 'level', 'isced', 'title_en', 'title_ru', 'summary_en', 'languages', 'duration_months', 'tuition', 'currency'];
		const xlsx = await writeXlsx([header, ['formula-titles', 'master', '0613', HYPERLINK, SUM, '-3 °C in winter', 'en', 24, 1500, 'EUR']], 'Programmes');
		const first = await checkProgrammeImport(editor, inst.id, { bytes: new Uint8Array(xlsx), name: 'programmes.xlsx' });
		expect(first).toMatchObject({ creates: 1, errors: [] });
		await applyProgrammeImport(editor, inst.id, first.batchId!, { publish: true });

		const csv = (await exportProgrammes(editor, inst.id, 'csv')).body;
		const [columns, row] = cellsOf(csv);
		const cell = (name: string) => row![columns!.indexOf(name)];
		expect(cell('title_en')).toBe(`'${HYPERLINK}`);
		expect(cell('title_ru')).toBe(`'${SUM}`);
		expect(cell('summary_en')).toBe(`'-3 °C in winter`);
		// Numbers are written as numbers.
		expect([cell('duration_months'), cell('tuition')]).toEqual(['24', '1500']);
		// The XLSX export types the cells as text, so it needs no escaping.
		const [xlsxHeader, xlsxRow] = await readSpreadsheet(new Uint8Array((await exportProgrammes(editor, inst.id, 'xlsx')).body as Buffer));
		expect(xlsxRow![xlsxHeader!.indexOf('title_en')]).toBe(HYPERLINK);

		const again = await checkProgrammeImport(editor, inst.id, { bytes: new TextEncoder().encode(csv as string), name: 'programmes.csv' });
		expect(again).toMatchObject({ creates: 0, updates: 1, errors: [] });
		await applyProgrammeImport(editor, inst.id, again.batchId!, { publish: true });
		const [listed] = (await programmeEditing.list(editor, inst.id)).items;
		expect(listed).toMatchObject({ slug: 'formula-titles', title: { en: HYPERLINK, ru: SUM } });
	});

	it('escapes price notes the same way, and imports them back unchanged', async () => {
		const { inst, editor } = await editorOf();
		await saveInstitutionCost(editor, inst.id, null, { category: 'housing_dorm', period: 'month', low: '15000', typical: '18000', high: '25000', currency: 'KZT', 'note.en': HYPERLINK, 'note.ru': SUM });
		const csv = (await exportInstitutionCosts(editor, inst.id, 'csv')).body as string;
		const [columns, row] = cellsOf(csv);
		expect(row![columns!.indexOf('note_en')]).toBe(`'${HYPERLINK}`);
		expect(row![columns!.indexOf('note_ru')]).toBe(`'${SUM}`);
		expect(row![columns!.indexOf('low')]).toBe('15000');

		const again = await checkCostImport(editor, inst.id, { bytes: new TextEncoder().encode(csv), name: 'costs.csv' });
		expect(again).toMatchObject({ creates: 0, updates: 1, errors: [] });
		await applyCostImport(editor, inst.id, again.batchId!);
		const [item] = await listInstitutionCosts(editor, inst.id);
		expect(item!.note).toEqual({ en: HYPERLINK, ru: SUM });
	});
});
