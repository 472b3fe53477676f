import { describe, expect, it } from 'vitest';
import { LOCALES } from '$lib/i18n/locales';
import { letterFacts } from './letter-facts';
import { DEFAULT_TEMPLATES, fillTemplate, PLACEHOLDERS, unknownPlaceholders, usedPlaceholders } from './letter-text';

const PROFILE = {
	kind: 'researcher',
	purpose: null,
	nationality: 'KZ',
	passportName: "NURGALIYEVA ALIYA O'NEIL",
	sex: 'F',
	dateOfBirth: '1990-03-08',
	placeOfBirth: 'ALMATY',
	homeAddress: 'Abay Avenue 52\n  Almaty 050008 \nKazakhstan',
	passportNumber: 'N12345678',
	passportIssuedOn: '2022-01-02',
	passportExpiry: '2032-01-01',
	stayStart: '2027-09-01',
	stayEnd: '2027-11-30',
	arrivalDate: '2027-08-28'
};
const HOST = { institution: '同济大学', city: '上海', countryCode: 'CN' };

describe('what a letter says about the person', () => {
	it('the default invitation uses every fact a consulate asks for, in every language, and nothing unknown', () => {
		for (const locale of LOCALES) {
			const body = DEFAULT_TEMPLATES.invitation.body[locale]!;
			expect(unknownPlaceholders(body)).toEqual([]);
			expect(usedPlaceholders(body)).toEqual(expect.arrayContaining(['name', 'sex', 'date_of_birth', 'place_of_birth', 'nationality', 'passport', 'passport_issued', 'passport_expiry', 'home_address', 'purpose', 'stay_start', 'stay_end', 'institution']));
		}
	});

	it('fills the Chinese invitation with the passport name, sex and purpose in Chinese, and the address on one line', () => {
		const text = fillTemplate(DEFAULT_TEMPLATES.invitation.body.zh!, letterFacts('zh', '努尔加利耶娃·阿丽娅', PROFILE, HOST));
		expect(text).not.toContain('—');
		expect(text).toContain("姓名（与护照一致）：NURGALIYEVA ALIYA O'NEIL");
		expect(text).toContain('性别：女');
		expect(text).toContain('出生日期及出生地：1990年3月8日，ALMATY');
		expect(text).toContain('国籍：哈萨克斯坦');
		expect(text).toContain('护照号码：N12345678，签发日期：2022年1月2日，有效期至2032年1月1日');
		expect(text).toContain('常住地址：Abay Avenue 52, Almaty 050008, Kazakhstan');
		// No purpose chosen: a researcher comes for research.
		expect(text).toContain('来访目的：科学研究');
		expect(text).toContain('停留期间：2027年9月1日至2027年11月30日');
		expect(text).toContain('接待单位：同济大学（上海，中国）');
	});

	it('words sex and purpose in the letter’s language, and falls back to the account name without a passport name', () => {
		const facts = letterFacts('kk', 'Әлия Нұрғалиева', { ...PROFILE, passportName: null, sex: 'M', purpose: 'short_visit' }, HOST);
		expect(facts).toMatchObject({ name: 'Әлия Нұрғалиева', passport_name: '', sex: 'ер', purpose: 'қысқа мерзімді сапар' });
		expect(letterFacts('ru', 'x', { ...PROFILE, purpose: 'teaching', sex: 'X' }, HOST)).toMatchObject({ sex: 'не указан', purpose: 'преподавательская деятельность', name: "NURGALIYEVA ALIYA O'NEIL" });
		expect(letterFacts('en', 'x', { ...PROFILE, purpose: 'study' }, HOST).purpose).toBe('study');
	});

	it('leaves unknown facts empty, so issuing can refuse the letter rather than print a dash', () => {
		const facts = letterFacts('en', 'Aliya', null, HOST);
		expect(Object.keys(facts).sort()).toEqual([...PLACEHOLDERS].sort());
		expect(facts).toMatchObject({ name: 'Aliya', sex: '', home_address: '', passport_issued: '', purpose: '', institution: '同济大学', country: 'China' });
	});
});
