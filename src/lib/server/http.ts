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

/**
 * Maps the one error type to HTTP: 404 and 403 become error pages, sign-in becomes a
 * redirect, everything else a translated form failure with the user's input kept.
 */
export function handleServiceError(event: RequestEvent, err: unknown, values: Record<string, string> = {}) {
	if (!(err instanceof AppError)) throw err;
	const locale = event.locals.locale;
	if (err.code === 'unauthenticated' && err.status === 401) {
		redirect(303, `/${locale}/sign-in?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	if (err.status === 404 || err.status === 403) error(err.status, t(err.messageKey, locale));
	const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELDS.has(k)));
	return fail(err.status, {
		message: t(err.messageKey, locale),
		errors: translateFields(err.fields, locale),
		values: kept
	} satisfies FormFailure);
}

/** Reads the submitted form, runs the service, and turns its errors into a form failure. */
export async function runForm<T>(
	event: RequestEvent,
	fn: (input: Record<string, string>, form: FormData) => Promise<T>
) {
	const form = await event.request.formData();
	const input = formToObject(form);
	try {
		return { ok: true as const, result: await fn(input, form) };
	} catch (err) {
		return { ok: false as const, failure: handleServiceError(event, err, input) };
	}
}

/** For load functions: AppErrors become the right error page or redirect. */
export async function loadOrError<T>(event: RequestEvent, fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		const handled = handleServiceError(event, err);
		error(handled.status, handled.data.message);
	}
}

export function requireUser(event: RequestEvent) {
	if (!event.locals.user) {
		redirect(303, `/${event.locals.locale}/sign-in?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	return event.locals.user;
}

/** Only same-site relative paths are followed after sign-in. */
export function safeNext(next: string | null, fallback: string) {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
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
