import { describe, expect, it } from 'vitest';
import { canonicalListing, clipDescription, DESCRIPTION_MAX, listingRobots, pageDescription } from './meta';
import { finderCanonical, parseFinderQuery } from '$lib/programmes/finder';

describe('meta descriptions', () => {
	it("use the page's own text when it is in the page's language", () => {
		expect(pageDescription({ text: 'Университет в Шанхае.', locale: 'ru', isFallback: false }, () => 'template')).toBe('Университет в Шанхае.');
	});

	it('use the translated template instead of a text that fell back to another language, or of none', () => {
		expect(pageDescription({ text: 'A university in Shanghai.', locale: 'en', isFallback: true }, () => 'Тунцзи — профиль вуза')).toBe('Тунцзи — профиль вуза');
		expect(pageDescription(null, () => 'Тунцзи — профиль вуза')).toBe('Тунцзи — профиль вуза');
	});

	it('are cut at a word past the length search engines show, and Chinese anywhere', () => {
		const long = 'word '.repeat(100);
		const clipped = clipDescription(long);
		expect([...clipped].length).toBeLessThanOrEqual(DESCRIPTION_MAX);
		expect(clipped).toMatch(/word…$/);
		expect([...clipDescription('大学'.repeat(200))].length).toBe(DESCRIPTION_MAX);
		expect(clipDescription('  short\n text ')).toBe('short text');
	});
});

describe('canonical addresses of filtered listings', () => {
	it('sort the filters and drop empty and repeated ones', () => {
		expect(canonicalListing('/en/scholarships', [['nationality', 'KZ'], ['covers', 'travel'], ['covers', 'stipend'], ['covers', 'travel'], ['level', null], ['field', '']])).toBe(
			'/en/scholarships?covers=stipend&covers=travel&nationality=KZ'
		);
		expect(canonicalListing('/en/scholarships', [['level', null]])).toBe('/en/scholarships');
	});

	it('name one URL for every spelling of the same finder selection', () => {
		const a = parseFinderQuery(new URLSearchParams('level=master&country=cn&level=bachelor&sort=deadline&page=1&utm_source=x')).filters;
		const b = parseFinderQuery(new URLSearchParams('country=CN&level=bachelor&level=master&level=master')).filters;
		expect(finderCanonical('/en/programmes', a)).toBe('/en/programmes?country=CN&level=bachelor&level=master');
		expect(finderCanonical('/en/programmes', b)).toBe(finderCanonical('/en/programmes', a));
		const paged = parseFinderQuery(new URLSearchParams('sort=title&page=3&level=wizardry')).filters;
		expect(finderCanonical('/en/programmes', paged)).toBe('/en/programmes?page=3&sort=title');
	});

	it('keep only the unfiltered listing indexable', () => {
		expect(listingRobots('/en/programmes')).toBeUndefined();
		expect(listingRobots('/en/programmes?level=master')).toBe('noindex, follow');
	});
});
