import { formatDate } from '$lib/i18n/format';
import { resolveText } from '$lib/i18n/localized-text';
import type { Locale } from '$lib/i18n/locales';
import { verifyLetter } from '$lib/server/letters/letters.service';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	const found = await verifyLetter(locals.ctx, params.code);
	if (!found) return { code: params.code, letter: null };
	return {
		code: found.code,
		letter: {
			kind: found.kind,
			title: found.facts.title,
			name: found.facts.name,
			stay: found.facts.stay,
			lang: found.locale,
			issued: formatDate(found.issuedAt, locals.locale, 'long'),
			revoked: found.revokedAt ? formatDate(found.revokedAt, locals.locale, 'long') : null,
			revokedReason: found.revokedReason,
			fingerprint: found.textSha256.slice(0, 16),
			institution: resolveText(found.institution.name, locals.locale, found.institution.defaultLocale as Locale)?.text ?? found.institution.shortName,
			slug: found.institution.slug
		}
	};
};
