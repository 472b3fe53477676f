import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales';
import { t } from './messages';

/** A message is a text, or (plurals) an inlang variant list: `[{ declarations, selectors, match: { 'n=one': text } }]`. */
type Variants = { declarations?: string[]; match: Record<string, string> }[];
const read = (locale: string) =>
	JSON.parse(fs.readFileSync(path.resolve('messages', `${locale}.json`), 'utf8')) as Record<string, string | Variants>;
const texts = (message: string | Variants) => (typeof message === 'string' ? [message] : message.flatMap((v) => Object.values(v.match)));
/** The inputs a message takes: the placeholders of all its texts and declared inputs, without local variables. */
const placeholders = (message: string | Variants) => {
	const declared = typeof message === 'string' ? [] : message.flatMap((v) => v.declarations ?? []);
	const locals = new Set(declared.flatMap((d) => /^local (\w+)/.exec(d)?.slice(1) ?? []));
	const names = [...texts(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)), ...declared.flatMap((d) => /^input (\w+)/.exec(d)?.slice(1) ?? [])];
	return [...new Set(names)].filter((n) => !locals.has(n)).sort();
};

describe('UI messages', () => {
	const english = read('en');

	it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys English has', (locale) => {
		const other = read(locale);
		expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
	});

	it.each(LOCALES.filter((l) => l !== 'en'))('%s has no empty or untranslated-looking message', (locale) => {
		const other = read(locale);
		const empty = Object.entries(other).filter(([, v]) => texts(v).some((text) => !text.trim()));
		expect(empty).toEqual([]);
	});

	it.each(LOCALES.filter((l) => l !== 'en'))('%s keeps every placeholder of the English text', (locale) => {
		const other = read(locale);
		for (const [key, text] of Object.entries(english)) {
			if (key === '$schema') continue;
			expect({ key, placeholders: placeholders(other[key] ?? '') }).toEqual({ key, placeholders: placeholders(text) });
		}
	});

	it('counts with the plural forms of each language', () => {
		const family = (locale: 'en' | 'ru' | 'kk' | 'zh', count: number) => t('case_profile_family', locale, { count });
		expect([1, 2].map((n) => family('en', n))).toEqual(['Family coming along (1 person)', 'Family coming along (2 people)']);
		expect([1, 3, 5, 21, 22, 11].map((n) => family('ru', n).match(/\(\d+ (\S+)\)/)?.[1])).toEqual(['человек', 'человека', 'человек', 'человек', 'человека', 'человек']);
		expect(family('kk', 2)).toContain('2 адам');
		expect(family('zh', 2)).toContain('2 人');
	});
});
