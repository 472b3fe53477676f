import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { seedExchangeRates } from '../programmes/programmes.seed';
import { planBudget, seedCosts } from './costs.service';
import { applyCostImport, checkCostImport, exportInstitutionCosts, getInstitutionCost, listInstitutionCosts, saveInstitutionCost } from './institution-costs.service';
import { readSpreadsheet } from '../spreadsheets/spreadsheet';
import { translationCoverage } from '../content/attention.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedExchangeRates(platform);
	await seedCosts(platform);
});
afterAll(async () => platform?.close());

const dorm = (overrides: Record<string, string> = {}) => ({ category: 'housing_dorm', period: 'month', low: '15000', typical: '18000', high: '25000', currency: 'KZT', 'note.en': 'Dormitory 3', 'note.kk': 'Жатақхана 3', ...overrides });
const csv = (lines: string[]) => new TextEncoder().encode(['category;period;low;typical;high;currency;note_en;source_url', ...lines].join('\n'));

async function team() {
	const inst = await makeInstitution(platform, { countryCode: 'KZ', city: { en: 'Astana' }, defaultLocale: 'kk', locales: ['kk', 'en'] });
	const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
	const translator = await contextFor(platform, (await makeUser(platform, { role: 'translator', institutionId: inst.id })).id);
	return { inst, editor, translator };
}

describe('an institution’s own prices', () => {
	it('replace the city’s figures when someone plans a stay at that institution, and only there', async () => {
		const { inst, editor } = await team();
		const city = await planBudget(editor, { city: 'Astana', months: '10' });
		await saveInstitutionCost(editor, inst.id, null, dorm());
		// An item in another currency is converted into the city's.
		await saveInstitutionCost(editor, inst.id, null, dorm({ category: 'insurance', period: 'year', low: '50', typical: '60', high: '80', currency: 'EUR' }));
		const own = await planBudget(editor, { city: 'Astana', months: '10', institution: inst.slug });
		expect(own.institution).toEqual({ slug: inst.slug, shortName: inst.shortName });
		expect(own.budget.monthly.find((l) => l.category === 'housing_dorm')?.amount).toBe(18000);
		expect(city.budget.monthly.find((l) => l.category === 'housing_dorm')?.amount).not.toBe(18000);
		const insurance = own.budget.other.find((l) => l.category === 'insurance')!.amount;
		expect(insurance).toBeGreaterThan(20_000);
		expect(insurance).toBeLessThan(50_000);
		// Elsewhere, or for an unknown institution, the city's figures stand.
		expect((await planBudget(editor, { city: 'Almaty', months: '10', institution: inst.slug })).institution).toBeNull();
		expect((await planBudget(editor, { city: 'Astana', months: '10', institution: 'nobody' })).institution).toBeNull();
	});

	it('explains wrong figures field by field, refuses a second price for one category, and locks against stale saves', async () => {
		const { inst, editor } = await team();
		const err = await failure(saveInstitutionCost(editor, inst.id, null, dorm({ category: 'castle', period: 'weekly', low: 'cheap', typical: '10', high: '5', currency: 'XYZ' })));
		expect(err.fields).toEqual({ category: 'error_cost_category', period: 'error_cost_period', low: 'error_import_number', currency: 'error_import_currency' });
		expect((await failure(saveInstitutionCost(editor, inst.id, null, dorm({ typical: '30000' })))).fields).toEqual({ typical: 'error_cost_order' });
		const created = await saveInstitutionCost(editor, inst.id, null, dorm());
		expect((await failure(saveInstitutionCost(editor, inst.id, null, dorm()))).fields).toEqual({ category: 'error_cost_category_taken' });
		await saveInstitutionCost(editor, inst.id, created.id, dorm({ high: '26000' }), 1);
		expect((await failure(saveInstitutionCost(editor, inst.id, created.id, dorm({ high: '27000' }), 1))).status).toBe(409);
		expect((await getInstitutionCost(editor, inst.id, created.id)).high).toBe(26000);
	});

	it('lets translators add notes in other languages but not change figures or the original', async () => {
		const { inst, editor, translator } = await team();
		const created = await saveInstitutionCost(editor, inst.id, null, dorm());
		const worklist = async () => (await translationCoverage(translator, inst.id)).byLocale.zh.filter((e) => e.type === 'costs');
		expect(await worklist()).toEqual([{ type: 'costs', id: created.id, title: { en: 'Dormitory 3', kk: 'Жатақхана 3' }, missing: ['note'], stale: [] }]);
		await saveInstitutionCost(translator, inst.id, created.id, dorm({ low: '1', 'note.kk': 'өзгертілді', 'note.zh': '三号宿舍' }), 1);
		const saved = await getInstitutionCost(editor, inst.id, created.id);
		expect(saved).toMatchObject({ low: 15000, note: { en: 'Dormitory 3', kk: 'Жатақхана 3', zh: '三号宿舍' } });
		expect(await worklist()).toEqual([]);
		expect((await failure(saveInstitutionCost(translator, inst.id, null, dorm({ category: 'food' })))).status).toBe(403);
	});

	it('imports a file after a dry run that lists every row problem, updates categories already there, and exports what it imports', async () => {
		const { inst, editor } = await team();
		const bad = await checkCostImport(editor, inst.id, { bytes: csv(['housing_dorm;month;20000;30000;45000;KZT;Dorm;', 'housing_dorm;month;1;2;3;KZT;Again;', 'food;daily;1;2;3;KZT;;', 'transport;month;3;2;1;KZT;;not a url']), name: 'costs.csv' });
		expect(bad.batchId).toBeNull();
		expect(bad.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
			[3, 'category', 'error_import_duplicate'],
			[4, 'period', 'error_cost_period'],
			[5, 'typical', 'error_cost_order'],
			[5, 'source_url', 'error_url_invalid']
		]);
		expect(await listInstitutionCosts(editor, inst.id)).toEqual([]);

		await saveInstitutionCost(editor, inst.id, null, dorm());
		const good = await checkCostImport(editor, inst.id, { bytes: csv(['housing_dorm;month;20 000;30000;45000;kzt;Dorm;', 'food;month;60000;80000;120000;KZT;Canteen and shops;']), name: 'costs.csv' });
		expect(good).toMatchObject({ creates: 1, updates: 1, errors: [] });
		expect(await applyCostImport(editor, inst.id, good.batchId!)).toEqual({ created: 1, updated: 1 });
		// Claimed once: a double submit imports once.
		expect((await failure(applyCostImport(editor, inst.id, good.batchId!))).messageKey).toBe('error_import_batch_gone');
		const listed = await listInstitutionCosts(editor, inst.id);
		expect(listed.map((c) => [c.category, c.low, c.note.en])).toEqual([
			['housing_dorm', 20000, 'Dorm'],
			['food', 60000, 'Canteen and shops']
		]);
		const exported = await readSpreadsheet(new TextEncoder().encode((await exportInstitutionCosts(editor, inst.id, 'csv')).body as string));
		const again = await checkCostImport(editor, inst.id, { bytes: new TextEncoder().encode((await exportInstitutionCosts(editor, inst.id, 'csv')).body as string), name: null });
		expect(exported).toHaveLength(3);
		expect(again).toMatchObject({ creates: 0, updates: 2, errors: [] });
	});

	it('answers 404 to another institution’s editors', async () => {
		const { inst, editor } = await team();
		const other = await team();
		const created = await saveInstitutionCost(editor, inst.id, null, dorm());
		expect((await failure(getInstitutionCost(other.editor, inst.id, created.id))).status).toBe(404);
		expect((await failure(getInstitutionCost(other.editor, other.inst.id, created.id))).status).toBe(404);
		expect((await failure(checkCostImport(other.editor, inst.id, { bytes: csv([]), name: null }))).status).toBe(404);
	});
});
