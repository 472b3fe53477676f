import { isCountryCode } from '$lib/i18n/countries';
import { ISCED_F_BROAD, ISCED_F_NARROW } from './isced-f.data';

/**
 * The agreement list's filters, read from the URL (a GET form: works without JavaScript, can be
 * bookmarked, and the dashboard links to it). Unknown or malformed values are dropped.
 */
export const AGREEMENT_STATUSES = ['approved', 'ours', 'partner', 'copy', 'changed', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** When the agreement's last academic year is: this one, the next one, before this one, or this one or later. */
export const AGREEMENT_EXPIRIES = ['this', 'next', 'ended', 'running'] as const;
export type AgreementExpiry = (typeof AGREEMENT_EXPIRIES)[number];
export const AGREEMENT_LIST_KINDS = ['erasmus', 'bilateral', 'mou'] as const;
export const AGREEMENT_LIST_MOBILITIES = ['student-studies', 'student-traineeship', 'staff-teacher', 'staff-training'] as const;
export const AGREEMENT_PAGE_SIZE = 50;

/** Broad and narrow ISCED-F fields: a filter on one matches every detailed field under it. */
export const SUBJECT_FILTER_CODES: ReadonlySet<string> = new Set([...ISCED_F_BROAD, ...ISCED_F_NARROW].map((f) => f.code));

export interface AgreementFilters {
	q: string | null;
	country: string | null;
	status: AgreementStatus | null;
	expiry: AgreementExpiry | null;
	subject: string | null;
	mobility: (typeof AGREEMENT_LIST_MOBILITIES)[number] | null;
	kind: (typeof AGREEMENT_LIST_KINDS)[number] | null;
	page: number;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null => (value !== null && (list as readonly string[]).includes(value) ? (value as T) : null);

export function parseAgreementQuery(params: URLSearchParams): AgreementFilters {
	const read = (name: string) => params.get(name)?.trim() || null;
	const q = read('q');
	const country = read('country')?.toUpperCase() ?? null;
	const subject = read('subject');
	const page = Number(read('page'));
	return {
		q: q ? q.slice(0, 100) : null,
		country: isCountryCode(country) ? country : null,
		status: oneOf(AGREEMENT_STATUSES, read('status')),
		expiry: oneOf(AGREEMENT_EXPIRIES, read('expiry')),
		subject: subject && SUBJECT_FILTER_CODES.has(subject) ? subject : null,
		mobility: oneOf(AGREEMENT_LIST_MOBILITIES, read('mobility')),
		kind: oneOf(AGREEMENT_LIST_KINDS, read('kind')),
		page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1
	};
}

/** The URL query of some filters (empty values left out), e.g. for the next page. */
export function agreementQuery(filters: Partial<AgreementFilters>): string {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(filters)) {
		if (value === null || value === undefined || value === '' || (name === 'page' && value === 1)) continue;
		params.set(name, String(value));
	}
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** The academic year (its first calendar year) a day falls in: from 1 September. */
export function academicYearOf(day: Date): number {
	return day.getUTCMonth() >= 8 ? day.getUTCFullYear() : day.getUTCFullYear() - 1;
}
