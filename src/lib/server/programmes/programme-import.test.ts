import { describe, expect, it } from 'vitest';
import { PROGRAMME_COLUMNS, programmeToRow, validateProgrammeRows, type Cell } from './programme-import';

const options = { sourceLocale: 'kk' as const, currencies: new Set(['KZT', 'EUR', 'CNY']) };
const header = ['slug', 'level', 'isced', 'title_kk', 'title_en', 'languages', 'duration_months', 'tuition', 'currency', 'start_terms', 'application_opens', 'application_deadline'];
const good: Cell[] = ['computer-science-msc', 'master', '0613', 'Информатика', 'Computer science', 'en, ru', '24', '1 200 000', 'kzt', 'autumn', '2027-01-15', '2027-05-31'];

const check = (rows: Cell[][]) => validateProgrammeRows(rows, options);

describe('programme import validation', () => {
	it('turns a good row into a programme', () => {
		const { programmes, errors } = check([header, good]);
		expect(errors).toEqual([]);
		expect(programmes).toEqual([
			{
				slug: 'computer-science-msc',
				level: 'master',
				iscedCode: '0613',
				title: { kk: 'Информатика', en: 'Computer science' },
				summary: {},
				languages: ['en', 'ru'],
				durationMonths: 24,
				credits: null,
				tuitionAmount: 1_200_000,
				tuitionCurrency: 'KZT',
				startTerms: ['autumn'],
				applicationOpens: '2027-01-15',
				applicationDeadline: '2027-05-31'
			}
		]);
	});

	it('reports every broken cell with its row and column, in spreadsheet numbering', () => {
		const broken: Cell[] = ['Bad Slug!', 'professor', '99', '', 'x', 'english', '0', 'lots', 'XYZ', 'winter', '2027-02-30', '2026-01-01'];
		const { programmes, errors } = check([header, good, broken]);
		expect(programmes.map((p) => p.slug)).toEqual(['computer-science-msc']);
		expect(errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
			[3, 'slug', 'error_slug_invalid'],
			[3, 'level', 'error_import_level'],
			[3, 'isced', 'error_import_isced'],
			[3, 'title_kk', 'error_required'],
			[3, 'languages', 'error_import_language'],
			[3, 'duration_months', 'error_import_duration'],
			[3, 'tuition', 'error_import_number'],
			[3, 'currency', 'error_import_currency'],
			[3, 'start_terms', 'error_import_term'],
			[3, 'application_opens', 'error_import_date']
		]);
		expect(errors[0]!.value).toBe('Bad Slug!');
	});

	it('finds the same programme twice in one file', () => {
		const { errors } = check([header, good, good]);
		expect(errors).toEqual([{ row: 3, column: 'slug', messageKey: 'error_import_duplicate', value: 'computer-science-msc' }]);
	});

	it('refuses a deadline before the opening', () => {
		const row = [...good];
		row[10] = '2027-06-01';
		expect(check([header, row]).errors.map((e) => e.messageKey)).toEqual(['error_import_dates_order']);
	});

	it('reads spreadsheet dates and numbers as they come from XLSX', () => {
		const row: Cell[] = [...good];
		row[6] = 24;
		row[7] = 0;
		row[10] = new Date(Date.UTC(2027, 0, 15));
		const { programmes } = check([header, row]);
		expect(programmes[0]).toMatchObject({ durationMonths: 24, tuitionAmount: 0, applicationOpens: '2027-01-15' });
	});

	it('names missing and unknown columns, and skips blank lines', () => {
		expect(check([['slug', 'level', 'colour']]).errors.map((e) => [e.messageKey, e.value])).toEqual([
			['error_import_unknown_column', 'colour'],
			['error_import_missing_column', 'isced'],
			['error_import_missing_column', 'languages'],
			['error_import_missing_column', 'duration_months']
		]);
		expect(check([header, [], ['', ' '], good]).programmes).toHaveLength(1);
		expect(check([header]).errors.map((e) => e.messageKey)).toEqual(['error_import_empty']);
	});

	it('exports rows that import back unchanged', () => {
		const { programmes } = check([header, good]);
		const again = validateProgrammeRows([[...PROGRAMME_COLUMNS], programmeToRow(programmes[0]!)], options);
		expect(again.errors).toEqual([]);
		expect(again.programmes).toEqual(programmes);
	});
});
