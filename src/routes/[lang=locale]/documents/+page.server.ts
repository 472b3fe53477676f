import { formatDate } from '$lib/i18n/format';
import { LOCALE_TAGS } from '$lib/i18n/locales';
import { listDocuments } from '$lib/server/news/news.service';
import { wholeNumberParam } from '$lib/server/platform/query-params';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

const KINDS = ['leaflet', 'poster', 'report', 'guide', 'presentation'];

export const load: PageServerLoad = async ({ locals, url }) => {
	const kind = url.searchParams.get('kind');
	const language = url.searchParams.get('language');
	const filters = { kind: kind && KINDS.includes(kind) ? kind : null, language: language && /^[a-z]{2}$/.test(language) ? language : null };
	const languageNames = new Intl.DisplayNames([LOCALE_TAGS[locals.locale]], { type: 'language' });
	// A page past the last shows the last (its canonical says which); a malformed one, the first.
	const { items, ...pages } = await listDocuments(locals.ctx, { ...filters, page: wholeNumberParam(url.searchParams.get('page')) });
	return {
		filters,
		pages,
		kinds: KINDS,
		languages: ['en', 'ru', 'kk', 'zh'].map((l) => ({ value: l, label: languageNames.of(l) ?? l })),
		documents: items.map((d) => ({ ...d, languageName: languageNames.of(d.language) ?? d.language, date: formatDate(d.publishedOn, locals.locale) }))
	};
};
