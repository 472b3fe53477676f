import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { createTestPlatform } from '../testing/platform';
import { failure } from '../testing/assertions';
import { readSpreadsheet, writeCsv } from '../spreadsheets/spreadsheet';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { contentFromForm } from './agreement-form';
import { applyAgreementImport, checkAgreementImport, exportAgreements } from './agreement-import';
import { listAgreements } from './agreement-list';
import { createAgreement, getAgreement } from './agreements.service';
import { agreementFields, makeOffice } from './agreements.testing';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

const bytes = (text: string) => new TextEncoder().encode(text);
type Row = (string | number | null)[];

describe('agreement export and import', () => {
	it('exports the filtered agreements a row per condition, and takes the file back: errors on their rows, then new versions and new agreements', async () => {
		const { inst, ctx, partner, ourHei, theirHei } = await makeOffice(platform);
		const a = await createAgreement(ctx, inst.id, partner.id, { kind: 'erasmus', content: contentFromForm(agreementFields(), ourHei, theirHei) });

		const xlsx = await exportAgreements(ctx, inst.id, { country: 'ES' }, 'xlsx');
		const sheet = await readSpreadsheet(xlsx.body as Uint8Array);
		const [header, ...rows] = sheet as Row[];
		const col = (name: string) => header!.indexOf(name);
		expect(rows).toHaveLength(2);
		expect(rows.map((r) => [r[col('agreement')], r[col('partner_hei_id')], r[col('mobility')], r[col('direction')], r[col('mobilities_per_year')], r[col('eqf_levels')]])).toEqual([
			[a.iiaId, theirHei, 'staff-teacher', 'in', 2, null],
			[a.iiaId, theirHei, 'student-studies', 'out', 4, '6 7']
		]);
		expect(rows[1]![col('languages')]).toBe('es B1\nen B2 0732');
		expect((await exportAgreements(ctx, inst.id, { country: 'CN' }, 'csv')).body).toBe(writeCsv([header!]));

		// Unchanged, the file checks clean and imports without a new version.
		const same = await checkAgreementImport(ctx, inst.id, { bytes: xlsx.body as Uint8Array, name: 'agreements.xlsx' });
		expect(same).toMatchObject({ errors: [], creates: 0, updates: 1 });
		expect(await applyAgreementImport(ctx, inst.id, same.batchId!)).toEqual({ created: 0, updated: 0 });

		// A changed quota, a new agreement of two rows, and mistakes: each on its row and column, nothing kept.
		const edited = rows.map((r) => [...r]);
		edited[0]![col('mobilities_per_year')] = 3;
		const fresh = (over: Record<string, string | number>) => header!.map((h) => (over[h as string] ?? '') as string | number);
		const newRows = [
			fresh({ agreement: 'new-1', kind: 'bilateral', partner_hei_id: theirHei.toUpperCase(), mobility: 'staff-training', direction: 'out', first_year: '2026/2027', last_year: '2028/2029', mobilities_per_year: 1, total_per_year: 5, languages: 'en B2; es B1' }),
			fresh({ agreement: 'new-1', mobility: 'student-studies', direction: 'in', first_year: '2026/2027', last_year: '2025/2026', mobilities_per_year: -1, eqf_levels: '6 9', subject_areas: '0613 Software; 0315' })
		];
		const unknown = fresh({ agreement: 'new-2', kind: 'erasmus', partner_hei_id: 'nowhere.example.org', mobility: 'staff-teacher', direction: 'in', first_year: '2026/2027', last_year: '2027/2028', mobilities_per_year: 1 });
		const bad = await checkAgreementImport(ctx, inst.id, { bytes: bytes(writeCsv([header!, ...edited, ...newRows, unknown])), name: 'edited.csv' });
		expect(bad.batchId).toBeNull();
		expect(bad.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
			[5, 'eqf_levels', 'error_eqf_unknown'],
			[5, 'last_year', 'error_years_backwards'],
			[5, 'mobilities_per_year', 'error_quota_invalid'],
			[5, 'subject_areas', 'error_isced_unknown'],
			[5, 'languages', 'error_language_required'],
			[6, 'partner_hei_id', 'error_import_partner_unknown']
		]);
		expect((await getAgreement(ctx, inst.id, a.id)).agreement.version).toBe(1);

		const fixed = [newRows[0]!, fresh({ ...Object.fromEntries(header!.map((h, i) => [h, newRows[1]![i]!])), last_year: '2028/2029', mobilities_per_year: 2, eqf_levels: '6', subject_areas: '0613 Software', languages: 'en B2' })];
		const good = await checkAgreementImport(ctx, inst.id, { bytes: bytes(writeCsv([header!, ...edited, ...fixed])), name: 'edited.csv' });
		expect(good).toMatchObject({ errors: [], creates: 1, updates: 1 });
		expect(await applyAgreementImport(ctx, inst.id, good.batchId!)).toEqual({ created: 1, updated: 1 });
		expect((await failure(applyAgreementImport(ctx, inst.id, good.batchId!))).messageKey).toBe('error_import_batch_gone');

		const after = (await listAgreements(ctx, inst.id)).agreements;
		expect(after.find((r) => r.id === a.id)).toMatchObject({ version: 2 });
		const created = after.find((r) => r.id !== a.id)!;
		expect(created).toMatchObject({ kind: 'bilateral', version: 1, mobilityKinds: ['staff-training', 'student-studies'] });
		expect(created.content.conditions[1]).toMatchObject({ sendingHeiId: theirHei, receivingHeiId: ourHei, eqfLevels: [6], subjectAreas: [{ iscedCode: '0613', clarification: 'Software' }] });
		expect(created.content.conditions[0]!.languageSkills).toEqual([{ language: 'en', cefrLevel: 'B2' }, { language: 'es', cefrLevel: 'B1' }]);
	});

	it('refuses a file without agreements, and another institution’s import of them', async () => {
		const { inst, ctx } = await makeOffice(platform);
		const empty = await checkAgreementImport(ctx, inst.id, { bytes: bytes('agreement,kind,partner_hei_id,mobility,direction,first_year,last_year,mobilities_per_year\n'), name: 'empty.csv' });
		expect(empty.errors.map((e) => e.messageKey)).toEqual(['error_import_no_agreements']);
		const other = await makeInstitution(platform);
		const stranger = await contextFor(platform, (await makeUser(platform, { role: 'staff', institutionId: other.id })).id);
		expect((await failure(exportAgreements(stranger, inst.id, {}, 'csv'))).status).toBe(404);
	});
});
