import type { MessageKey } from '$lib/i18n/messages';

/**
 * What each kind of error means to the person who met it, fixed once: the HTTP status, and
 * where it is shown — an error page, the form they sent (with what they typed kept), or the
 * sign-in page. Services pick a code; they never pick a status.
 */
const KINDS = {
	not_found: { status: 404, shown: 'page' },
	forbidden: { status: 403, shown: 'page' },
	unauthenticated: { status: 401, shown: 'sign-in' },
	invalid_input: { status: 400, shown: 'form' },
	too_large: { status: 413, shown: 'form' },
	conflict: { status: 409, shown: 'form' },
	rate_limited: { status: 429, shown: 'form' },
	/** A link's token is unknown, used or expired: the link is gone for good. */
	token_invalid: { status: 410, shown: 'form' },
	/** A wrong e-mail or password. */
	sign_in_failed: { status: 400, shown: 'form' },
	/** The address is not confirmed yet: the sign-in form says so and keeps the address typed. */
	unconfirmed: { status: 403, shown: 'form' },
	/** The person may edit the form but not that part of it (a translator changing the original). */
	forbidden_change: { status: 403, shown: 'form' }
} as const satisfies Record<string, { status: number; shown: 'page' | 'form' | 'sign-in' }>;

export type AppErrorCode = keyof typeof KINDS;

/**
 * The one error type. `messageKey` names a UI message (translated where it is shown),
 * `fields` carries per-field message keys for forms. Anything else thrown is a bug:
 * hooks log it and users see a localised generic error page.
 */
export class AppError extends Error {
	readonly status: number;
	readonly shown: 'page' | 'form' | 'sign-in';
	constructor(
		readonly code: AppErrorCode,
		readonly messageKey: MessageKey,
		readonly fields: Partial<Record<string, MessageKey>> = {},
		/** Values the message names (`{limit}`). */
		readonly params: Record<string, string | number> = {}
	) {
		super(`${code}: ${messageKey}`);
		this.name = 'AppError';
		this.status = KINDS[code].status;
		this.shown = KINDS[code].shown;
	}
}

export const notFound = () => new AppError('not_found', 'error_not_found');
export const unauthenticated = () => new AppError('unauthenticated', 'error_sign_in_required');
export const invalidInput = (fields: Partial<Record<string, MessageKey>>, messageKey: MessageKey = 'error_check_fields') =>
	new AppError('invalid_input', messageKey, fields);
/** Someone saved the record since this form was read (optimistic locking). */
export const staleEdit = () => new AppError('conflict', 'error_stale_edit');

/** A unique constraint refused a write (PostgreSQL 23505), as postgres.js or PGlite report it. */
export const isUniqueViolation = (err: unknown) => String((err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code) === '23505';
