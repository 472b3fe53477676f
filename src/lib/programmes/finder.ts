import { isCountryCode } from '$lib/i18n/countries';
import { canonicalListing } from '$lib/seo/meta';
import { ISCED_BROAD_FIELDS, PROGRAMME_LEVELS, START_TERMS, type ProgrammeLevel } from './taxonomy';

/**
 * The programme finder's filters, read from the URL (so results can be shared and the back
 * button works). Unknown or malformed values are dropped and reported, never an error.
 */
export const SORTS = ['deadline', 'tuition', 'title', 'duration'] as const;
export type FinderSort = (typeof SORTS)[number];
export const PAGE_SIZE = 20;
const LANGUAGE = /^[a-z]{2}$/;
const SLUG = /^[a-z0-9-]{1,60}$/;

export interface FinderFilters {
	levels: ProgrammeLevel[];
	field: string | null;
	language: string | null;
	country: string | null;
	city: string | null;
	institution: string | null;
	tuitionMax: number | null;
	durationMax: number | null;
	start: (typeof START_TERMS)[number] | null;
	open: boolean;
	sort: FinderSort;
	page: number;
}

const oneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

export function parseFinderQuery(params: URLSearchParams): { filters: FinderFilters; ignored: string[] } {
	const ignored: string[] = [];
	const read = (name: string, valid: (v: string) => boolean) => {
		const value = params.get(name)?.trim();
		if (!value) return null;
		if (valid(value)) return value;
		ignored.push(name);
		return null;
	};
	const number = (name: string, min: number, max: number) => {
		const value = read(name, (v) => /^\d{1,9}$/.test(v) && Number(v) >= min && Number(v) <= max);
		return value === null ? null : Number(value);
	};
	const levels: ProgrammeLevel[] = [];
	for (const value of params.getAll('level')) {
		if (oneOf(PROGRAMME_LEVELS, value)) levels.push(value);
		else if (value) ignored.push('level');
	}
	const country = read('country', (v) => isCountryCode(v.toUpperCase()));
	const start = read('start', (v) => oneOf(START_TERMS, v));
	const sort = read('sort', (v) => oneOf(SORTS, v));
	const open = read('open', (v) => v === '1' || v === 'on');
	return {
		filters: {
			levels: [...new Set(levels)],
			field: read('field', (v) => oneOf(ISCED_BROAD_FIELDS, v)),
			language: read('language', (v) => LANGUAGE.test(v)),
			country: country?.toUpperCase() ?? null,
			city: read('city', (v) => v.length <= 80),
			institution: read('institution', (v) => SLUG.test(v)),
			tuitionMax: number('tuitionMax', 0, 1_000_000),
			durationMax: number('durationMax', 1, 120),
			start: start as FinderFilters['start'],
			open: open !== null,
			sort: (sort as FinderSort | null) ?? 'deadline',
			page: number('page', 1, 10_000) ?? 1
		},
		ignored: [...new Set(ignored)]
	};
}

/** The filters as address parameters, in one order, without the defaults. */
function finderParams(f: FinderFilters): [string, string | number | null][] {
	return [
		...f.levels.map((level): [string, string] => ['level', level]),
		['field', f.field],
		['language', f.language],
		['country', f.country],
		['city', f.city],
		['institution', f.institution],
		['tuitionMax', f.tuitionMax],
		['durationMax', f.durationMax],
		['start', f.start],
		['open', f.open ? '1' : null],
		['sort', f.sort === 'deadline' ? null : f.sort],
		['page', f.page > 1 ? f.page : null]
	];
}

/** The query string for the same filters with some changed (pagination, removing a filter). */
export function finderHref(base: string, filters: FinderFilters, change: Partial<FinderFilters> = {}) {
	const params = new URLSearchParams();
	for (const [key, value] of finderParams({ ...filters, ...change })) if (value !== null && value !== '') params.append(key, String(value));
	const query = params.toString();
	return query ? `${base}?${query}` : base;
}

/**
 * The canonical address of a finder page: the filters that choose what is listed, plus a
 * non-default order and a page past the first, normalised (see canonicalListing). Invalid and
 * unknown parameters are already gone, having been dropped by parseFinderQuery.
 */
export function finderCanonical(base: string, f: FinderFilters) {
	return canonicalListing(base, finderParams(f));
}

/** Above this many, the institution list waits for a country: a select of a thousand is unusable. */
export const INSTITUTION_CHOICES_LIMIT = 60;

interface PlaceOption {
	slug: string;
	countryCode: string;
	city: string;
}

/**
 * The institutions (and cities) worth offering in the finder's selects, given the filters
 * already chosen: those of the chosen country and city. When that is still more than
 * INSTITUTION_CHOICES_LIMIT, only the chosen institution (if any) is offered and
 * `narrowFirst` asks the visitor to pick a country. A shared URL's choice is always kept.
 */
export function scopeFinderChoices<T extends PlaceOption>(all: T[], filters: Pick<FinderFilters, 'country' | 'city' | 'institution'>) {
	const inCountry = filters.country ? all.filter((i) => i.countryCode === filters.country) : all;
	const inPlace = filters.city ? inCountry.filter((i) => i.city === filters.city) : inCountry;
	const narrowFirst = inPlace.length > INSTITUTION_CHOICES_LIMIT;
	const institutions = narrowFirst ? all.filter((i) => i.slug === filters.institution) : inPlace;
	if (filters.institution && !institutions.some((i) => i.slug === filters.institution)) {
		institutions.push(...all.filter((i) => i.slug === filters.institution));
	}
	const cities = [...new Set(inCountry.map((i) => i.city).filter(Boolean))];
	if (filters.city && !cities.includes(filters.city)) cities.push(filters.city);
	return { institutions, cities, narrowFirst };
}
