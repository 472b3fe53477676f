import { describe, expect, it } from 'vitest';
import { finderHref, parseFinderQuery } from './finder';

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
