import type { ResolvedText } from '$lib/i18n/localized-text';

/**
 * What a public page says about itself in its head (used by Seo.svelte and the pages' loads).
 * Pure functions, shared by server and pages.
 */

/** Search engines show about this much of a description; longer texts are cut at a word. */
export const DESCRIPTION_MAX = 200;

/**
 * A content page's meta description: its own text when that is in the page's language,
 * otherwise `template` (a translated sentence in the page's language). A text that fell back
 * to another language never goes into the head, which has no way to say its language.
 */
export function pageDescription(text: ResolvedText | null | undefined, template: () => string): string {
	return text && !text.isFallback ? clipDescription(text.text) : template();
}

/** Whitespace collapsed; past DESCRIPTION_MAX cut at the last space (any character for Chinese) and marked with "…". */
export function clipDescription(text: string, max = DESCRIPTION_MAX): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	const chars = [...flat];
	if (chars.length <= max) return flat;
	const head = chars.slice(0, max - 1).join('');
	const space = head.lastIndexOf(' ');
	return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,.;:—–-]+$/u, '')}…`;
}

export type QueryValue = string | number | null | undefined;

/**
 * The canonical address of a filtered listing: the path and its filters, empty ones dropped,
 * duplicates removed, sorted by name and then value, so that every spelling of the same
 * selection (order of parameters, repeated or empty values) names one URL.
 */
export function canonicalListing(path: string, entries: [string, QueryValue][]): string {
	const pairs = [...new Set(entries.filter(([, value]) => value !== null && value !== undefined && value !== '').map(([key, value]) => `${key}\u0000${value}`))]
		.map((pair) => pair.split('\u0000') as [string, string])
		.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
	const query = new URLSearchParams(pairs).toString();
	return query ? `${path}?${query}` : path;
}

/**
 * Robots rule of a finder page. Only the unfiltered first page is indexed (it is in the
 * sitemap); any selection is `noindex, follow`: the combinations are unbounded (free numbers,
 * multiple choices), their title and description are the finder's own, and every programme and
 * scholarship they list has its own indexed page, reached through the followed links.
 */
export function listingRobots(canonical: string): string | undefined {
	return canonical.includes('?') ? 'noindex, follow' : undefined;
}
