import { describe, expect, it } from 'vitest';
import { hasSessionCookie } from './session-cookie';

describe('the session cookie test', () => {
	it('finds the session cookie wherever it is in the header, secure or not', () => {
		expect(hasSessionCookie('welcome.session_token=abc')).toBe(true);
		expect(hasSessionCookie('locale=ru; welcome.session_token=abc.def')).toBe(true);
		expect(hasSessionCookie('locale=ru;__Secure-welcome.session_token=abc')).toBe(true);
	});

	it('treats visitors without one as anonymous', () => {
		expect(hasSessionCookie(null)).toBe(false);
		expect(hasSessionCookie('locale=zh')).toBe(false);
		expect(hasSessionCookie('welcome.session_token=')).toBe(false);
		expect(hasSessionCookie('xwelcome.session_token=abc')).toBe(false);
		expect(hasSessionCookie('welcome.session_data=abc')).toBe(false);
	});
});
