/** The session cookie's name, and a cheap test for it that needs no cookie parsing. */
export const SESSION_COOKIE_PREFIX = 'welcome';

const SESSION_COOKIE = new RegExp(`(?:^|;\\s*)(?:__Secure-)?${SESSION_COOKIE_PREFIX}\\.session_token=[^;\\s]`);

/** Whether a Cookie header carries a (non-empty) session cookie: the visitor may be signed in. */
export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
	return !!cookieHeader && SESSION_COOKIE.test(cookieHeader);
}
