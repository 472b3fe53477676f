import { describe, expect, it } from 'vitest';
import { _setKazakhDataForTests, formatDate, formatDateTime, formatDayMonth, formatMonth, formatMoney, formatNumber } from './format';

describe('formatting in the page language', () => {
	const arrival = new Date(Date.UTC(2026, 8, 1));

	it('writes dates as each language does', () => {
		expect(formatDate(arrival, 'en', 'long')).toBe('September 1, 2026');
		expect(formatDate(arrival, 'ru', 'long')).toBe('1 сентября 2026 г.');
		expect(formatDate(arrival, 'zh', 'long')).toBe('2026年9月1日');
		expect(formatDate(arrival, 'kk', 'long')).toMatch(/2026/);
		expect(formatDate(arrival, 'kk', 'long')).toMatch(/қыркүйек/i);
	});

	it('names a month of a year, and a yearly day without its year', () => {
		expect(formatMonth(arrival, 'en')).toBe('September 2026');
		expect(formatMonth(arrival, 'zh')).toBe('2026年9月');
		expect(formatDayMonth('05-15', 'en')).toBe('May 15');
		expect(formatDayMonth('05-15', 'ru')).toBe('15 мая');
		expect(formatDayMonth('05-15', 'zh')).toBe('5月15日');
	});

	it('groups digits and shows currencies the local way', () => {
		expect(formatNumber(86987, 'en')).toBe('86,987');
		expect(formatNumber(86987, 'ru').replace(/\s/g, ' ')).toBe('86 987');
		expect(formatMoney(3000, 'CNY', 'zh')).toBe('¥3,000');
		expect(formatMoney(36600, 'KZT', 'ru').replace(/\s/g, ' ')).toBe('36 600 ₸');
		expect(formatMoney(12.5, 'EUR', 'en')).toBe('€12.50');
	});
});

describe('Kazakh where the runtime lacks Kazakh data (some browsers)', () => {
	it('still writes Kazakh month names and local digits', () => {
		_setKazakhDataForTests(false);
		try {
			const date = new Date(Date.UTC(2026, 10, 28, 14, 5));
			expect(formatDate(date, 'kk', 'long')).toBe('2026 ж. 28 қараша');
			expect(formatDate(date, 'kk')).toBe('2026 ж. 28 қар.');
			expect(formatDateTime(date, 'kk')).toBe('2026 ж. 28 қар., 14:05');
			expect(formatMonth(date, 'kk')).toBe('2026 ж. қараша');
			expect(formatDayMonth('05-15', 'kk')).toBe('15 мамыр');
			expect(formatMoney(36600, 'KZT', 'kk').replace(/\s/g, ' ')).toBe('36 600 ₸');
		} finally {
			_setKazakhDataForTests(undefined);
		}
	});

	it('matches what full ICU prints, so server and browser agree', () => {
		const date = new Date(Date.UTC(2026, 10, 28, 14, 5));
		const full = [formatDate(date, 'kk', 'long'), formatDate(date, 'kk')];
		_setKazakhDataForTests(false);
		try {
			expect([formatDate(date, 'kk', 'long'), formatDate(date, 'kk')]).toEqual(full);
		} finally {
			_setKazakhDataForTests(undefined);
		}
	});
});
