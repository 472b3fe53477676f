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
