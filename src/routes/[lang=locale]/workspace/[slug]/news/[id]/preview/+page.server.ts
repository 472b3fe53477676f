import { formatDate } from '$lib/i18n/format';
import { resolveText } from '$lib/i18n/localized-text';
import { renderMarkdown } from '$lib/server/content/markdown';
import { loadOrError } from '$lib/server/http';
import { getNewsForEditing } from '$lib/server/news/news-editing.service';
import type { PageServerLoad } from './$types';

/** The newest revision rendered by the public page's own component, in the page's language. */
export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const item = await loadOrError(event, () => getNewsForEditing(event.locals.ctx, institution.id, event.params.id));
	const locale = event.locals.locale;
	const body = resolveText(item.snapshot.body, locale);
	const date = item.publicState === 'draft' ? new Date() : item.publishedAt;
	return {
		preview: {
			id: item.id,
			title: item.snapshot.title,
			publishedAt: date,
			date: formatDate(date, locale, 'long'),
			institutionSlug: institution.slug,
			institutionShortName: institution.shortName,
			isDemo: item.isDemo,
			body: body ? { html: renderMarkdown(body.text), locale: body.locale, isFallback: body.isFallback } : null
		}
	};
};
