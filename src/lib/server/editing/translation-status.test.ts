import { describe, expect, it } from 'vitest';
import { nextTranslationSources, translationGaps, translationStates, type TranslationSources } from './translation-status';

const fields = ['title', 'body'] as const;

function save(before: Record<string, Record<string, string>> | null, after: Record<string, Record<string, string>>, previous: TranslationSources = {}) {
	return nextTranslationSources(fields, before, after, previous, 'en');
}

describe('translation status', () => {
	it('lists what is missing per language', () => {
		const data = { title: { en: 'Open day', ru: 'День открытых дверей' }, body: { en: 'Come!' } };
		const sources = save(null, data);
		const gaps = translationGaps(fields, data, sources, 'en');
		expect(gaps.ru).toEqual({ missing: ['body'], stale: [] });
		expect(gaps.kk).toEqual({ missing: ['title', 'body'], stale: [] });
		expect(gaps.en).toEqual({ missing: [], stale: [] });
	});

	it('flags a translation for review when the source text changes after it was made', () => {
		const v1 = { title: { en: 'Open day', kk: 'Ашық есік күні' }, body: { en: 'Come!' } };
		const s1 = save(null, v1);
		const v2 = { title: { en: 'Open day on 5 May', kk: 'Ашық есік күні' }, body: { en: 'Come!' } };
		const s2 = save(v1, v2, s1);
		expect(translationStates(fields, v2, s2, 'en', 'kk')).toEqual({ title: 'stale', body: 'missing' });
	});

	it('clears the flag once the translation is updated', () => {
		const v1 = { title: { en: 'Open day', kk: 'Ашық есік күні' } };
		const v2 = { title: { en: 'Open day on 5 May', kk: 'Ашық есік күні' } };
		const s2 = save(v1, v2, save(null, v1));
		const v3 = { title: { en: 'Open day on 5 May', kk: '5 мамырдағы ашық есік күні' } };
		const s3 = save(v2, v3, s2);
		expect(translationStates(fields, v3, s3, 'en', 'kk').title).toBe('ok');
	});

	it('does not flag translations when only another language changes', () => {
		const v1 = { title: { en: 'Open day', kk: 'Ашық есік күні', ru: 'День' } };
		const s1 = save(null, v1);
		const v2 = { title: { en: 'Open day', kk: 'Ашық есік күні', ru: 'День открытых дверей' } };
		expect(translationStates(fields, v2, save(v1, v2, s1), 'en', 'kk').title).toBe('ok');
	});

	it('treats translations without a recorded source (older content) as current', () => {
		const v1 = { title: { en: 'Open day', zh: '开放日' } };
		expect(translationStates(fields, v1, save(v1, v1, {}), 'en', 'zh').title).toBe('ok');
	});
});
