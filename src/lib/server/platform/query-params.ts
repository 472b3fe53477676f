/**
 * Values read from a page's address. Anyone can type any address, so each reader accepts only
 * what the page itself would link to and treats anything else as absent: a malformed
 * parameter shows the page without it, never an error from the database.
 */

/** A whole number within [min, max] written with digits only, or undefined. */
export function wholeNumberParam(value: string | null | undefined, min = 1, max = Number.MAX_SAFE_INTEGER): number | undefined {
	if (!value || !/^\d{1,16}$/.test(value)) return undefined;
	const n = Number(value);
	return n >= min && n <= max ? n : undefined;
}

/** A moment written as ISO 8601 with its offset (what our "older" links carry), or undefined. */
export function timeParam(value: string | null | undefined): Date | undefined {
	if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
	const time = new Date(value);
	return Number.isNaN(time.getTime()) ? undefined : time;
}

/**
 * A sum of money as a person types it: digits, spaces between groups allowed, at most two
 * decimals after a point or a comma ("1 800 000", "615,50"), at most a trillion; else undefined.
 */
export function amountParam(value: string | null | undefined): number | undefined {
	const text = value?.replace(/[\s']/g, '');
	if (!text || !/^\d{1,13}([.,]\d{1,2})?$/.test(text)) return undefined;
	const n = Number(text.replace(',', '.'));
	return n <= 1e12 ? n : undefined;
}

/** One of the values the page offers (a select's options), or undefined. */
export function oneOfParam<T extends string>(value: string | null | undefined, allowed: readonly T[]): T | undefined {
	return (allowed as readonly (string | null | undefined)[]).includes(value) ? (value as T) : undefined;
}
