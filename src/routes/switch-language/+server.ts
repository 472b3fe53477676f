import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n/locales';
import { safeNext } from '$lib/server/http';
import type { RequestHandler } from './$types';

/**
 * The language switcher goes through here: it remembers the choice for visits to "/" and
 * continues to the same page in that language. Pages themselves never set cookies, so
 * anonymous pages stay cacheable.
 */
export const GET: RequestHandler = ({ url, cookies }) => {
	const to = url.searchParams.get('to');
	const next = url.searchParams.get('next') ?? '';
	if (!isLocale(to)) redirect(303, '/');
	const path = safeNext(next, `/${to}`, url.origin);
	const safe = path === `/${to}` || path.startsWith(`/${to}/`) || path.startsWith(`/${to}?`) ? path : `/${to}`;
	cookies.set('locale', to, { path: '/', maxAge: 60 * 60 * 24 * 365, httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
	redirect(303, safe);
};
