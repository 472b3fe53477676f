import { describe, expect, it } from 'vitest';
import { cleanLocalizedText, fallbackChain, missingLocales, resolveText } from './localized-text';

describe('translated content', () => {
	const name = { en: 'Tongji University', zh: '同济大学' };

	it('shows the requested language when it is there', () => {
		expect(resolveText(name, 'zh', 'zh')).toEqual({ text: '同济大学', locale: 'zh', isFallback: false });
	});

	it("falls back to the institution's own language before English", () => {
		expect(resolveText(name, 'kk', 'zh')).toEqual({ text: '同济大学', locale: 'zh', isFallback: true });
	});

	it('falls back to English when the owner language is missing too', () => {
		expect(resolveText({ en: 'KTH' }, 'ru', 'kk')).toEqual({ text: 'KTH', locale: 'en', isFallback: true });
	});

	it('uses any language as a last resort, and null when there is no text at all', () => {
		expect(resolveText({ kk: 'Мәтін' }, 'zh', null)?.locale).toBe('kk');
		expect(resolveText({}, 'en')).toBeNull();
		expect(resolveText({ en: '   ' }, 'en')).toBeNull();
	});

	it('builds the chain without repeats', () => {
		expect(fallbackChain('en', 'en')).toEqual(['en', 'ru', 'kk', 'zh']);
		expect(fallbackChain('kk', 'ru')).toEqual(['kk', 'ru', 'en', 'zh']);
	});

	it('lists the languages that are missing, counting blanks as missing', () => {
		expect(missingLocales({ en: 'x', ru: ' ' })).toEqual(['ru', 'kk', 'zh']);
	});

	it('keeps only non-blank, known languages when cleaning input', () => {
		expect(cleanLocalizedText({ en: ' A ', ru: '', de: 'B', zh: 'C' })).toEqual({ en: 'A', zh: 'C' });
	});
});
