import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { t, translateFields } from '$lib/i18n/messages';
import { AppError } from './platform/errors';
import type { ServiceContext } from './platform/context';
import { getInstitutionForWorkspace } from './institutions/institutions.service';
import { formToObject } from './platform/validation';

/** Form fields never sent back to the browser after an error. */
const SECRET_FIELDS = new Set(['password', 'passwordConfirm', 'currentPassword', 'token']);

export interface FormFailure {
	message: string;
	errors: Record<string, string>;
	values: Record<string, string>;
}

/** Where to sign in and come back to this page. */
export function signInUrl(event: RequestEvent) {
	return `/${event.locals.locale}/sign-in?next=${encodeURIComponent(event.url.pathname + event.url.search)}`;
}

/**
 * Maps the one error type to HTTP as the error says (`AppError.shown`): an error page, a
 * redirect to sign in, or a translated form failure with the user's input kept.
 */
export function handleServiceError(event: RequestEvent, err: unknown, values: Record<string, string> = {}) {
	if (!(err instanceof AppError)) throw err;
	const locale = event.locals.locale;
	if (err.shown === 'sign-in') redirect(303, signInUrl(event));
	if (err.shown === 'page') error(err.status, t(err.messageKey, locale, err.params));
	const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELDS.has(k)));
	return fail(err.status, {
		message: t(err.messageKey, locale, err.params),
		errors: translateFields(err.fields, locale),
		values: kept
	} satisfies FormFailure);
}

/** Reads the submitted form, runs the service, and turns its errors into a form failure. */
export async function runForm<T>(
	event: RequestEvent,
	fn: (input: Record<string, string>, form: FormData) => Promise<T>
) {
	let input: Record<string, string> = {};
	try {
		const form = await readForm(event);
		input = formToObject(form);
		return { ok: true as const, result: await fn(input, form) };
	} catch (err) {
		return { ok: false as const, failure: handleServiceError(event, err, input) };
	}
}

/** The largest request body the server reads (scripts/serve-http.js sets BODY_SIZE_LIMIT from it). */
export const MAX_BODY_MB = 48;

/**
 * The submitted form. A body that is not a form (JSON, XML, garbage) or is over the size limit
 * is the sender's mistake: a 400 or 413 form failure, never a server error.
 */
export async function readForm(event: RequestEvent): Promise<FormData> {
	try {
		return await event.request.formData();
	} catch (err) {
		const status = (err as { status?: number }).status;
		if (status === 413) throw new AppError('too_large', 'error_request_too_large', {}, { limit: MAX_BODY_MB });
		throw new AppError('invalid_input', 'error_form_unreadable');
	}
}

/**
 * For load functions: AppErrors become the right error page or redirect. (A load that lets one
 * escape gets the same answer from `hooks.server.ts`; this keeps it explicit and typed.)
 */
export async function loadOrError<T>(event: RequestEvent, fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		if (!(err instanceof AppError)) throw err;
		if (err.shown === 'sign-in') redirect(303, signInUrl(event));
		error(err.status, t(err.messageKey, event.locals.locale, err.params));
	}
}

export function requireUser(event: RequestEvent) {
	if (!event.locals.user) redirect(303, signInUrl(event));
	return event.locals.user;
}

/**
 * Where to go after signing in: only a path on this site. The address is parsed as browsers
 * parse it (they drop tabs and newlines and read `\` as `/`, so `/\t/evil.example` leads
 * elsewhere), and only what stays on this origin is followed, re-serialised without them.
 */
export function safeNext(next: string | null, fallback: string, origin = 'http://localhost') {
	if (!next || !next.startsWith('/')) return fallback;
	try {
		const url = new URL(next, origin);
		if (url.origin !== new URL(origin).origin) return fallback;
		return url.pathname + url.search + url.hash;
	} catch {
		return fallback;
	}
}

/**
 * A form action on one institution's workspace page: finds the institution by the page's slug,
 * runs the service with its id, and answers `{ done }` or the form failure.
 */
export async function workspaceAction(
	event: RequestEvent,
	fn: (ctx: ServiceContext, institutionId: string, input: Record<string, string>, form: FormData) => Promise<unknown>,
	done: string
) {
	const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug ?? ''));
	const outcome = await runForm(event, (input, form) => fn(event.locals.ctx, inst.id, input, form));
	if (!outcome.ok) return outcome.failure;
	return { done };
}
