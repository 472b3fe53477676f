import type { ContentKind } from '$lib/content-kinds';
import { formatDate } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { resolveText } from '$lib/i18n/localized-text';
import { editable } from '$lib/server/content/content-types';
import { loadOrError } from '$lib/server/http';
import { wholeNumberParam } from '$lib/server/platform/query-params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const kind = event.params.kind as ContentKind;
	const page = wholeNumberParam(event.url.searchParams.get('page'));
	const { items, ...pages } = await loadOrError(event, () => editable(kind).service.list(event.locals.ctx, institution.id, { page }));
	const locale = event.locals.locale;
	return {
		kind,
		imported: Number(event.url.searchParams.get('imported')) || null,
		pages,
		items: items.map((n) => ({
			id: n.id,
			publicState: n.publicState,
			pendingChanges: n.pendingChanges,
			reviewRequested: n.reviewRequested,
			titleText: resolveText(n.title, locale, institution.defaultLocale as Locale)?.text ?? n.slug,
			date: formatDate(n.publishedAt, locale),
			gapCounts: Object.entries(n.gaps)
				.map(([lang, g]) => ({ lang, missing: g.missing.length, stale: g.stale.length }))
				.filter((g) => g.missing || g.stale)
		}))
	};
};
