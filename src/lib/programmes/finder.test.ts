import { describe, expect, it } from 'vitest';
import { finderHref, INSTITUTION_CHOICES_LIMIT, parseFinderQuery, scopeFinderChoices } from './finder';

const parse = (query: string) => parseFinderQuery(new URLSearchParams(query));

describe('finder filters in the URL', () => {
	it('reads every filter', () => {
		const { filters, ignored } = parse('level=master&level=doctoral&field=07&language=en&country=cn&city=Shanghai&institution=tongji&tuitionMax=6000&durationMax=24&start=autumn&open=1&sort=tuition&page=2');
		expect(ignored).toEqual([]);
		expect(filters).toEqual({
			levels: ['master', 'doctoral'],
			field: '07',
			language: 'en',
			country: 'CN',
			city: 'Shanghai',
			institution: 'tongji',
			tuitionMax: 6000,
			durationMax: 24,
			start: 'autumn',
			open: true,
			sort: 'tuition',
			page: 2
		});
	});

	it('drops unknown and malformed values and says which, instead of failing', () => {
		const { filters, ignored } = parse('level=wizardry&field=99&country=XX&tuitionMax=-5&durationMax=abc&sort=random&page=0&start=summer&institution=../../etc');
		expect(filters).toMatchObject({ levels: [], field: null, country: null, tuitionMax: null, durationMax: null, sort: 'deadline', page: 1, start: null, institution: null });
		expect(ignored.sort()).toEqual(['country', 'durationMax', 'field', 'institution', 'level', 'page', 'sort', 'start', 'tuitionMax']);
	});

	it('writes the same filters back, so the next page keeps them', () => {
		const { filters } = parse('level=master&country=KZ&open=1&sort=title');
		const href = finderHref('/en/programmes', filters, { page: 3 });
		expect(href).toBe('/en/programmes?level=master&country=KZ&open=1&sort=title&page=3');
		expect(parseFinderQuery(new URL(href, 'http://x').searchParams).filters).toEqual({ ...filters, page: 3 });
	});
});

describe('institution and city choices in the finder', () => {
	const few = [
		{ slug: 'enu', countryCode: 'KZ', city: 'Astana' },
		{ slug: 'kaznu', countryCode: 'KZ', city: 'Almaty' },
		{ slug: 'tongji', countryCode: 'CN', city: 'Shanghai' }
	];
	const many = Array.from({ length: INSTITUTION_CHOICES_LIMIT * 2 }, (_, i) => ({ slug: `u${i}`, countryCode: i % 2 ? 'CN' : 'KZ', city: i % 2 ? 'Beijing' : 'Almaty' }));
	const none = { country: null, city: null, institution: null };

	it('offers every institution when there are few', () => {
		expect(scopeFinderChoices(few, none)).toEqual({ institutions: few, cities: ['Astana', 'Almaty', 'Shanghai'], narrowFirst: false });
	});

	it('offers the institutions and cities of the chosen country', () => {
		const scoped = scopeFinderChoices(few, { ...none, country: 'KZ' });
		expect(scoped.institutions.map((i) => i.slug)).toEqual(['enu', 'kaznu']);
		expect(scoped.cities).toEqual(['Astana', 'Almaty']);
		expect(scopeFinderChoices(few, { ...none, country: 'KZ', city: 'Almaty' }).institutions.map((i) => i.slug)).toEqual(['kaznu']);
	});

	it('asks for a country first when the list would be too long, keeping a chosen institution', () => {
		expect(scopeFinderChoices(many, none)).toMatchObject({ institutions: [], narrowFirst: true });
		expect(scopeFinderChoices(many, { ...none, institution: 'u7' }).institutions.map((i) => i.slug)).toEqual(['u7']);
		expect(scopeFinderChoices(many, { ...none, country: 'KZ', city: 'Almaty' }).narrowFirst).toBe(false);
	});

	it('keeps a choice from a shared address even when it does not match the other filters', () => {
		const scoped = scopeFinderChoices(few, { country: 'CN', city: 'Astana', institution: 'enu' });
		expect(scoped.institutions.map((i) => i.slug)).toEqual(['enu']);
		expect(scoped.cities).toContain('Astana');
	});
});
