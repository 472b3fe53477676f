import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, switchLocaleInPath } from './locales';

describe('choosing a language from Accept-Language', () => {
	it.each([
		['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
		['zh-CN,zh;q=0.9', 'zh'],
		['zh-Hans-SG', 'zh'],
		['kk-KZ', 'kk'],
		['de-DE,de;q=0.9', 'en'],
		['fr;q=0.9,kk;q=0.8,ru;q=0.7', 'kk'],
		['en;q=0.1,ru;q=0.9', 'ru'],
		['zh-TW,ru;q=0.5', 'ru'],
		['', 'en'],
		['*;q=0', 'en'],
		[';;;garbage,,,', 'en']
	])('%s → %s', (header, expected) => {
		expect(localeFromAcceptLanguage(header)).toBe(expected);
	});
});

describe('switching the language of a path', () => {
	it('replaces the locale segment and keeps the rest', () => {
		expect(switchLocaleInPath('/ru/institutions/enu', 'zh')).toBe('/zh/institutions/enu');
		expect(switchLocaleInPath('/en/', 'kk')).toBe('/kk/');
	});
	it('adds a locale to a path without one', () => {
		expect(switchLocaleInPath('/', 'ru')).toBe('/ru');
		expect(switchLocaleInPath('/institutions', 'ru')).toBe('/ru/institutions');
	});
});
