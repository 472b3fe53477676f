import { describe, expect, it } from 'vitest';
import { LOCALES } from '$lib/i18n/locales';
import {
	ISCED_F_BROAD,
	ISCED_F_DETAILED,
	ISCED_F_NARROW,
	iscedFieldName,
	isIscedDetailedCode,
	type IscedField
} from './isced-f.data';

const levels: [string, readonly IscedField[], number][] = [
	['broad', ISCED_F_BROAD, 2],
	['narrow', ISCED_F_NARROW, 3],
	['detailed', ISCED_F_DETAILED, 4]
];

describe('ISCED-F 2013 field lists', () => {
	it.each(levels)('%s codes have the right number of digits', (_, fields, digits) => {
		for (const field of fields) expect(field.code).toMatch(new RegExp(`^\\d{${digits}}$`));
	});

	it.each(levels)('%s codes are unique and sorted', (_, fields) => {
		const codes = fields.map((f) => f.code);
		expect(new Set(codes).size).toBe(codes.length);
		expect(codes).toEqual([...codes].sort());
	});

	it('nests every detailed field in a narrow field and every narrow field in a broad field', () => {
		const broad = new Set(ISCED_F_BROAD.map((f) => f.code));
		const narrow = new Set(ISCED_F_NARROW.map((f) => f.code));
		for (const { code } of ISCED_F_DETAILED) {
			expect(narrow.has(code.slice(0, 3)), code).toBe(true);
			expect(broad.has(code.slice(0, 2)), code).toBe(true);
		}
		for (const { code } of ISCED_F_NARROW) expect(broad.has(code.slice(0, 2)), code).toBe(true);
	});

	it.each(levels)('every %s field has a non-empty name in every language', (_, fields) => {
		for (const field of fields) {
			for (const locale of LOCALES) expect(field.names[locale]?.trim(), `${field.code} ${locale}`).toBeTruthy();
		}
	});
});

describe('isIscedDetailedCode', () => {
	it.each(['0314', '0613', '0732', '1041', '9999', '0000', '0011', '0021', '0031', '0188', '0688', '0119'])(
		'accepts %s',
		(code) => {
			expect(isIscedDetailedCode(code)).toBe(true);
		}
	);

	it.each(['0315', '1234', '031', '03', '', '03140', ' 0314', 'abcd'])('rejects %j', (code) => {
		expect(isIscedDetailedCode(code)).toBe(false);
	});
});

describe('iscedFieldName', () => {
	it('names detailed, narrow and broad fields', () => {
		expect(iscedFieldName('0314', 'en')).toBe('Sociology and cultural studies');
		expect(iscedFieldName('0314', 'ru')).toBe('Социология и культурология');
		expect(iscedFieldName('0314', 'zh')).toBe('社会学与文化研究');
		expect(iscedFieldName('061', 'en')).toBe('Information and Communication Technologies (ICTs)');
		expect(iscedFieldName('04', 'en')).toBe('Business, administration and law');
	});

	it('returns undefined for an unknown code', () => {
		expect(iscedFieldName('1234', 'en')).toBeUndefined();
		expect(iscedFieldName('', 'kk')).toBeUndefined();
	});
});
