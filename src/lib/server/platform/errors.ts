import type { MessageKey } from '$lib/i18n/messages';

/**
 * The one error type. `messageKey` names a UI message (translated where it is shown),
 * `fields` carries per-field message keys for forms. Anything else thrown is a bug:
 * hooks log it and users see a localised generic error page.
 */
export class AppError extends Error {
	constructor(
		readonly code: AppErrorCode,
		readonly status: number,
		readonly messageKey: MessageKey,
		readonly fields: Partial<Record<string, MessageKey>> = {},
		/** Values the message names (`{limit}`). */
		readonly params: Record<string, string | number> = {}
	) {
		super(`${code}: ${messageKey}`);
		this.name = 'AppError';
	}
}

export type AppErrorCode =
	| 'not_found'
	| 'forbidden'
	| 'unauthenticated'
	| 'invalid_input'
	| 'conflict'
	| 'rate_limited'
	| 'token_invalid';

export const notFound = () => new AppError('not_found', 404, 'error_not_found');
export const unauthenticated = () => new AppError('unauthenticated', 401, 'error_sign_in_required');
export const invalidInput = (fields: Partial<Record<string, MessageKey>>, messageKey: MessageKey = 'error_check_fields') =>
	new AppError('invalid_input', 400, messageKey, fields);

/** A unique constraint refused a write (PostgreSQL 23505), as postgres.js or PGlite report it. */
export const isUniqueViolation = (err: unknown) => String((err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code) === '23505';
