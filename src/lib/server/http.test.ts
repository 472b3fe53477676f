import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { handleServiceError, safeNext } from './http';
import { AppError, notFound, staleEdit, unauthenticated } from './platform/errors';

const event = { locals: { locale: 'kk' }, url: new URL('http://localhost/kk/my/profile?tab=2') } as unknown as RequestEvent;
const thrown = (fn: () => unknown) => {
	try {
		fn();
	} catch (err) {
		return err;
	}
	throw new Error('nothing was thrown');
};

describe('an error means the same answer wherever it is met', () => {
	it('keeps what was typed on the form for mistakes the person can fix, in their language', () => {
		const typed = { email: 'aigerim@example.kz', password: 'secret words here' };
		for (const [err, status] of [
			[new AppError('unconfirmed', 'error_email_not_verified'), 403],
			[new AppError('sign_in_failed', 'error_sign_in_failed'), 400],
			[new AppError('token_invalid', 'error_token_expired'), 410],
			[staleEdit(), 409],
			[new AppError('forbidden_change', 'error_translation_only'), 403],
			[new AppError('too_large', 'error_request_too_large', {}, { limit: 48 }), 413]
		] as const) {
			const failure = handleServiceError(event, err, typed);
			expect(failure.status, err.code).toBe(status);
			expect(failure.data.values).toEqual({ email: 'aigerim@example.kz' });
			expect(failure.data.message).not.toBe('');
			expect(failure.data.message).not.toMatch(/^error_/);
		}
	});

	it('shows an error page for what is not there or not theirs, and sends the signed-out to sign in and back', () => {
		const missing = thrown(() => handleServiceError(event, notFound()));
		expect(isHttpError(missing) && missing.status).toBe(404);
		const forbidden = thrown(() => handleServiceError(event, new AppError('forbidden', 'error_forbidden')));
		expect(isHttpError(forbidden) && forbidden.status).toBe(403);
		const signIn = thrown(() => handleServiceError(event, unauthenticated()));
		expect(isRedirect(signIn) && signIn.location).toBe('/kk/sign-in?next=%2Fkk%2Fmy%2Fprofile%3Ftab%3D2');
	});

	it('lets anything that is not an AppError through, to be reported as the bug it is', () => {
		const bug = new TypeError('undefined is not a function');
		expect(thrown(() => handleServiceError(event, bug))).toBe(bug);
	});
});

const origin = 'https://welcome.example';

describe('where to go after signing in', () => {
	it('follows paths on this site', () => {
		expect(safeNext('/zh/workspace/tongji?x=1#top', '/en/account', origin)).toBe('/zh/workspace/tongji?x=1#top');
	});

	it('never leaves the site, however the address is disguised', () => {
		for (const hostile of ['//evil.example', '/\t/evil.example', '/\\evil.example', '/\\/evil.example', '/\n/evil.example', 'https://evil.example/', 'javascript:alert(1)', 'evil.example', '/%09/evil.example/..', '']) {
			const next = safeNext(hostile, '/en/account', origin);
			expect(new URL(next, origin).origin, JSON.stringify(hostile)).toBe(origin);
			expect(next, JSON.stringify(hostile)).not.toMatch(/[\t\r\n\0]/);
		}
	});

	it('gives a location a response header can carry', () => {
		for (const odd of ['/en/\r\nSet-Cookie: x=1', '/en/\0', '/en/привет']) {
			expect(() => new Headers({ location: safeNext(odd, '/en/account', origin) }), JSON.stringify(odd)).not.toThrow();
		}
	});
});
