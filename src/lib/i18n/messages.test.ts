import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales';

const read = (locale: string) =>
	JSON.parse(fs.readFileSync(path.resolve('messages', `${locale}.json`), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

describe('UI messages', () => {
	const english = read('en');

	it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys English has', (locale) => {
		const other = read(locale);
		expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
	});

	it.each(LOCALES.filter((l) => l !== 'en'))('%s has no empty or untranslated-looking message', (locale) => {
		const other = read(locale);
		const empty = Object.entries(other).filter(([, v]) => !v.trim());
		expect(empty).toEqual([]);
	});

	it.each(LOCALES.filter((l) => l !== 'en'))('%s keeps every placeholder of the English text', (locale) => {
		const other = read(locale);
		for (const [key, text] of Object.entries(english)) {
			if (key === '$schema') continue;
			expect({ key, placeholders: placeholders(other[key] ?? '') }).toEqual({ key, placeholders: placeholders(text) });
		}
	});
});
