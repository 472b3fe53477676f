import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { building } from '$app/environment';
import { error, redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { overwriteServerAsyncLocalStorage } from '$lib/paraglide/runtime';
import { isLocale, localeFromAcceptLanguage, LOCALE_TAGS, type Locale } from '$lib/i18n/locales';
import { t } from '$lib/i18n/messages';
import { getPlatform, stopPlatform } from '$lib/server/app';
import { Admission } from '$lib/server/platform/admission';
import type { Platform } from '$lib/server/platform/context';
import { getSessionUser } from '$lib/server/auth/accounts.service';
import { loadActor } from '$lib/server/institutions/actor';
import { hasSessionCookie } from '$lib/server/platform/session-cookie';
import { AppError } from '$lib/server/platform/errors';
import { logger } from '$lib/server/platform/logger';
import { ANONYMOUS_PAGE_CACHE_CONTROL, pageCache, PER_RESPONSE_HEADERS, type CachedAnswer } from '$lib/server/http-cache/page-cache';
import { escapeHtml } from '$lib/escape-html';

// Paraglide reads the request's locale from here on the server (set per request below).
const localeStorage = new AsyncLocalStorage<{ locale?: Locale }>();
overwriteServerAsyncLocalStorage(localeStorage as never);

/** The longest Link (preload) header sent; see `handle`. */
const MAX_LINK_HEADER = 2048;

/** Paths that are not pages of a locale: never redirected to /{locale}/…. */
const UNLOCALIZED = /^\/(healthz|readyz|switch-language|_app|favicon\.svg|robots\.txt|sitemap\.xml|sitemaps\/|fonts\/|media\/|case-files\/|ewp\/)/;

export const init: ServerInit = async () => {
	if (building) return;
	// The last line of defence: a rejection nobody awaited is logged, never the end of the
	// process (Node's default), which would cut every user off until someone restarts it.
	process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
	await getPlatform();
	process.once('sveltekit:shutdown', async (reason) => {
		logger.info('shutting down', { reason });
		// The server has stopped accepting and its connections are closed, but a request whose
		// client went away may still be reading the database: let it finish first.
		await requestsDone(Number(process.env.SHUTDOWN_TIMEOUT ?? 30) * 1000);
		await stopPlatform();
	});
};

/** Requests being handled now; shutdown waits for them (`requestsDone`). */
let inFlight = 0;
let onIdle: (() => void) | null = null;
function requestsDone(timeoutMs: number) {
	if (inFlight === 0) return Promise.resolve();
	return new Promise<void>((resolve) => {
		const timer = setTimeout(resolve, timeoutMs);
		onIdle = () => {
			clearTimeout(timer);
			resolve();
		};
	});
}

export const handle: Handle = async (input) => {
	inFlight++;
	try {
		return await handleRequest(input);
	} finally {
		if (--inFlight === 0) onIdle?.();
	}
};

const handleRequest: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
	const { pathname, search } = event.url;
	// SvelteKit runs this hook outside its own error handling when the path cannot be decoded
	// (`GET /%ff`), so anything thrown here would escape as an unhandled rejection: answer first.
	if (!isDecodable(pathname)) return new Response('Bad Request: malformed URL', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-request-id': requestId } });
	if (crossSiteForm(event.request, event.url)) return new Response(`Cross-site ${event.request.method} form submissions are forbidden`, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-request-id': requestId } });
	const first = pathname.split('/')[1];
	// NUL is never part of an address a person follows, and PostgreSQL refuses it in text.
	if (/%00/i.test(search)) error(400, t('error_bad_request', isLocale(first) ? first : 'en'));

	if (!isLocale(first) && !UNLOCALIZED.test(pathname)) {
		const preferred = event.cookies.get('locale');
		const locale = isLocale(preferred) ? preferred : localeFromAcceptLanguage(event.request.headers.get('accept-language'));
		event.setHeaders({ vary: 'Accept-Language, Cookie' });
		redirect(pathname === '/' ? 302 : 308, `/${locale}${pathname === '/' ? '' : pathname}${search}`);
	}

	const locale: Locale = isLocale(first) ? first : 'en';
	const platform = await getPlatform();
	const signedIn = hasSessionCookie(event.request.headers.get('cookie'));
	const method = event.request.method;
	// The key is the address as requested: SvelteKit shows data requests (…/__data.json) to
	// hooks under the page's own URL, and those must never share the page's entry.
	const requested = new URL(event.request.url);
	const cacheKey =
		!signedIn && !event.isDataRequest && !event.isSubRequest && (method === 'GET' || method === 'HEAD') && isLocale(first)
			? requested.pathname + requested.search
			: null;
	const cached = cacheKey ? pageCache.answer(cacheKey, method, event.request.headers.get('if-none-match')) : null;
	if (cached) return replay(cached, requestId);
	// Reads (every page view) take their turn; form posts and uploads do not wait behind them, nor
	// does a page's own request to the app (its parent holds a place already).
	const render = () => renderRequest(event, resolve, { started, requestId, locale, signedIn, cacheKey, platform });
	if ((method === 'GET' || method === 'HEAD') && !event.isSubRequest && !HEALTH.test(pathname)) {
		return admissionFor(platform).run(render, () => busyResponse(locale, requestId));
	}
	return render();
};

/** Health checks answer at once, also when pages queue. */
const HEALTH = /^\/(healthz|readyz)$/;

/** Renders at a time per process: PGlite has one connection, PostgreSQL a pool per process. */
let admission: Admission | null = null;
function admissionFor(platform: Platform) {
	const configured = Number(process.env.MAX_CONCURRENT_RENDERS);
	const limit = configured > 0 ? configured : platform.config.databaseUrl ? Number(process.env.DATABASE_POOL_SIZE ?? 10) || 10 : 4;
	return (admission ??= new Admission(limit, Number(process.env.MAX_QUEUED_RENDERS ?? 500) || 500, 15_000));
}

/** Sent instead of a page when too many wait: a short page in the visitor's language, to try again. */
function busyResponse(locale: Locale, requestId: string) {
	const message = escapeHtml(t('error_busy', locale));
	return new Response(`<!doctype html><html lang="${LOCALE_TAGS[locale]}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${message}</title><main><h1>${message}</h1></main></html>`, {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '5', 'cache-control': 'no-store', 'x-request-id': requestId }
	});
}

async function renderRequest(
	event: Parameters<Handle>[0]['event'],
	resolve: Parameters<Handle>[0]['resolve'],
	{ started, requestId, locale, signedIn, cacheKey, platform }: { started: number; requestId: string; locale: Locale; signedIn: boolean; cacheKey: string | null; platform: Platform }
) {
	const { pathname, search } = event.url;
	const method = event.request.method;
	const user = signedIn ? await getSessionUser(platform, event.request.headers) : null;
	const actor = user ? await loadActor(platform.db, user) : null;
	event.locals.requestId = requestId;
	event.locals.locale = locale;
	event.locals.user = user;
	event.locals.ctx = { ...platform, actor, requestId, locale, logger: platform.logger.child({ requestId }) };

	let response = await localeStorage.run({ locale }, () =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', LOCALE_TAGS[locale]) })
	);
	response = answerEscapedAppError(event.locals.escapedError, response, event.isDataRequest, `/${locale}/sign-in?next=${encodeURIComponent(pathname + search)}`);

	response.headers.set('x-request-id', requestId);
	// SvelteKit repeats the page's preload links in a Link header. On editor pages that grew to
	// about 18 KB: over the header buffers of nginx's defaults (4–8 KB, a 502 behind it) and of
	// Node's HTTP parser. The HTML head carries the same links, so a long header is dropped.
	if ((response.headers.get('link')?.length ?? 0) > MAX_LINK_HEADER) response.headers.delete('link');
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	response.headers.set('cross-origin-opener-policy', 'same-origin');
	if (platform.config.production) response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	if (user && !response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
	else if (isCacheablePage(event.request.method, response)) {
		// Anonymous pages: browsers revalidate (SvelteKit answers with its ETag and 304), shared
		// caches may keep them a few seconds. Signed-in pages differ by cookie, hence Vary.
		response.headers.set('cache-control', ANONYMOUS_PAGE_CACHE_CONTROL);
		response.headers.append('vary', 'Cookie');
	}

	platform.logger.info('request', {
		requestId,
		method: event.request.method,
		path: pathname,
		status: response.status,
		ms: Math.round(performance.now() - started)
	});
	if (cacheKey && method === 'GET' && response.status === 200 && response.headers.get('cache-control') === ANONYMOUS_PAGE_CACHE_CONTROL) {
		const body = new Uint8Array(await response.arrayBuffer());
		pageCache.set(cacheKey, {
			status: response.status,
			headers: [...response.headers.entries()].filter(([name]) => !PER_RESPONSE_HEADERS.has(name)),
			body
		});
		return new Response(body as BodyInit, { status: response.status, headers: response.headers });
	}
	return response;
};

/**
 * SvelteKit answers 500 for any error that is not its own; an AppError carries the status it
 * means. A page gets that status (or the sign-in redirect); a data request keeps SvelteKit's
 * answer, whose message is already the right one.
 */
function answerEscapedAppError(escaped: AppError | undefined, response: Response, isDataRequest: boolean, signIn: string) {
	if (!escaped || response.status !== 500 || isDataRequest) return response;
	if (escaped.shown === 'sign-in') return new Response(null, { status: 303, headers: { location: signIn } });
	return new Response(response.body, { status: escaped.status, headers: response.headers });
}

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\s*(;|$)/i;

/**
 * SvelteKit's CSRF rule, kept here (svelte.config.js trusts every origin so that it can be): a
 * form posted from another origin, or with none, is refused, except to the EWP API under /ewp/,
 * where servers post forms without an Origin and every request is authenticated by its HTTP
 * Signature instead of a cookie.
 */
function crossSiteForm(request: Request, url: URL) {
	if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method)) return false;
	if (!FORM_TYPES.test(request.headers.get('content-type') ?? '')) return false;
	if (url.pathname.startsWith('/ewp/')) return false;
	return request.headers.get('origin') !== url.origin;
}

function isDecodable(pathname: string) {
	try {
		return !decodeURI(pathname).includes('\0');
	} catch {
		return false;
	}
}

function replay(answer: CachedAnswer, requestId: string) {
	const headers = new Headers(answer.headers);
	headers.set('x-request-id', requestId);
	return new Response(answer.body as BodyInit | null, { status: answer.status, headers });
}

function isCacheablePage(method: string, response: Response) {
	return (
		(method === 'GET' || method === 'HEAD') &&
		(response.status === 200 || response.status === 304) &&
		!response.headers.has('cache-control') &&
		!response.headers.has('set-cookie') &&
		(response.headers.get('content-type')?.startsWith('text/html') ?? response.status === 304)
	);
}

export const handleError: HandleServerError = ({ error, event, status }) => {
	const requestId = event.locals.requestId ?? randomUUID();
	const locale = event.locals.locale ?? 'en';
	if (error instanceof AppError) {
		// A service's error that a load did not map (no `loadOrError`): the person still gets
		// what it means — its message here, its status or the sign-in page from `handle`.
		event.locals.escapedError = error;
		logger.info('client error', { requestId, path: event.url.pathname, status: error.status, code: error.code });
		return { message: t(error.messageKey, locale, error.params), requestId, status: error.status };
	}
	// 4xx are the sender's mistakes (a JSON body for a form, a method a page does not take): worth
	// a line, not an error report. Only failures on our side are errors.
	if (status >= 500) logger.error('unhandled error', { requestId, path: event.url.pathname, status, error });
	else if (status !== 404) logger.info('client error', { requestId, path: event.url.pathname, status, reason: (error as Error)?.message });
	return { message: t(clientErrorMessage(status, event.request.method), locale), requestId };
};

function clientErrorMessage(status: number, method: string) {
	if (status === 404) return 'error_not_found';
	if (status === 413) return 'error_request_too_large_simple';
	if (status >= 500) return 'error_generic';
	return method === 'GET' || method === 'HEAD' ? 'error_bad_request' : 'error_form_unreadable';
}
