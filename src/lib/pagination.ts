/**
 * Lists shown a page at a time (workspace lists, the media library, the documents library).
 * Pure functions, shared by services and pages: a service counts the rows, asks `pageWindow`
 * which rows to read, and answers a `Paged` list; a page links to other pages with `pageHref`.
 */

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** What a caller asks for; anything missing, malformed or out of range falls back (never an error). */
export interface PageRequest {
	page?: number;
	pageSize?: number;
}

export interface Paged<T> {
	items: T[];
	total: number;
	/** The page shown, from 1; a page asked past the last one is the last one. */
	page: number;
	pageSize: number;
	/** At least 1, so that "page 1 of 1" holds for an empty list. */
	pageCount: number;
}

const whole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 1;

/**
 * The rows to read for `request` out of `total`: the page size within [1, max] (else the
 * default), the page within [1, pageCount] (a bad one is 1, one past the end the last).
 */
export function pageWindow(total: number, request: PageRequest = {}, sizes: { pageSize?: number; maxPageSize?: number } = {}) {
	const max = sizes.maxPageSize ?? MAX_PAGE_SIZE;
	const pageSize = whole(request.pageSize) ? Math.min(request.pageSize, max) : Math.min(sizes.pageSize ?? DEFAULT_PAGE_SIZE, max);
	const pageCount = Math.max(1, Math.ceil(total / pageSize));
	const page = whole(request.page) ? Math.min(request.page, pageCount) : 1;
	return { page, pageSize, pageCount, offset: (page - 1) * pageSize };
}

/** A page of `items` already read through `pageWindow(total, …)`. */
export function paged<T>(items: T[], total: number, window: ReturnType<typeof pageWindow>): Paged<T> {
	return { items, total, page: window.page, pageSize: window.pageSize, pageCount: window.pageCount };
}

/** Cuts a list already in memory into the same pages. */
export function pageOf<T>(all: readonly T[], request: PageRequest = {}, sizes: { pageSize?: number; maxPageSize?: number } = {}): Paged<T> {
	const window = pageWindow(all.length, request, sizes);
	return paged(all.slice(window.offset, window.offset + window.pageSize), all.length, window);
}

/**
 * The address of another page of the same list: the current path and its parameters (the
 * filters), `page` set (left out for the first), and one-time notices (`drop`) removed.
 */
export function pageHref(url: URL, page: number, drop: readonly string[] = []): string {
	const params = new URLSearchParams(url.search);
	for (const name of ['page', ...drop]) params.delete(name);
	if (page > 1) params.set('page', String(page));
	const query = params.toString();
	return query ? `${url.pathname}?${query}` : url.pathname;
}
