import type { ContentKind } from '$lib/content-kinds';
import { LOCALE_TAGS, type Locale } from '$lib/i18n/locales';
import type { DocumentData } from '$lib/server/news/document-editing.service';
import { countryName, formatDate } from '$lib/i18n/format';
import { todayIn } from '$lib/server/guides/planner.service';
import { presentProgramme } from '$lib/server/programmes/present';
import type { ProgrammeData } from '$lib/server/programmes/programme-editing.service';
import type { LocalizedText } from '$lib/i18n/localized-text';
import { resolveText } from '$lib/i18n/localized-text';
import { editable } from '$lib/server/content/content-types';
import { renderMarkdown } from '$lib/server/editing/markdown';
import { loadOrError } from '$lib/server/http';
import { presentEvent } from '$lib/server/news/present';
import { presentScholarship } from '$lib/server/scholarships/present';
import type { ScholarshipData } from '$lib/server/scholarships/scholarship-editing.service';
import type { PageServerLoad } from './$types';

/** The newest revision rendered by the public page's own component, in the page's language. */
export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const kind = event.params.kind as ContentKind;
	const item = await loadOrError(event, () => editable(kind).service.get(event.locals.ctx, institution.id, event.params.id));
	const locale = event.locals.locale;
	const s = item.snapshot as Record<string, unknown>;
	// In the reader's script, as the portal's lists name it (同济, ЕҰУ).
	const shortName = institution.shortNames[locale] || institution.shortName;
	const owner = { institutionSlug: institution.slug, institutionShortName: shortName, isDemo: item.isDemo };
	if (kind === 'programmes') {
		return {
			kind,
			id: item.id,
			programme: presentProgramme({ ...(s as unknown as ProgrammeData), isDemo: item.isDemo }, locale, todayIn('UTC')),
			programmeOwner: { ...institution, country: countryName(institution.countryCode, locale) }
		};
	}
	if (kind === 'scholarships') {
		const data = s as unknown as ScholarshipData;
		const row = { ...data, countryCode: institution.countryCode, isDemo: item.isDemo, stipends: data.stipend === null ? {} : Object.fromEntries(data.levels.map((l) => [l, data.stipend!])) };
		return {
			kind,
			id: item.id,
			scholarship: {
				...presentScholarship(row, locale),
				institutionSlug: institution.slug,
				institutionShortName: shortName,
				deadline: data.applicationDeadline ? formatDate(data.applicationDeadline, locale, 'long') : null
			}
		};
	}
	if (kind === 'events') {
		const presented = presentEvent({ ...(s as { startsOn: string; endsOn: string; countryCode: string | null }), slug: String(s.slug) }, locale);
		return { kind, id: item.id, event: { ...presented, title: s.title as LocalizedText, summary: s.summary as LocalizedText, city: s.city as LocalizedText, online: s.online === true, ...owner } };
	}
	if (kind === 'faq') {
		// As the institution page shows it, opened.
		const question = resolveText(s.question as LocalizedText, locale, institution.defaultLocale as Locale);
		const answer = resolveText(s.answer as LocalizedText, locale, institution.defaultLocale as Locale);
		return { kind, id: item.id, faq: { slug: String(s.slug), question, answer: answer ? { html: renderMarkdown(answer.text), locale: answer.locale, isFallback: answer.isFallback } : null } };
	}
	if (kind === 'documents') {
		// As the documents library lists it.
		const data = s as unknown as DocumentData;
		return {
			kind,
			id: item.id,
			libraryDocument: { title: resolveText(data.title, locale, institution.defaultLocale as Locale), url: data.url, kind: data.kind, languageName: new Intl.DisplayNames([LOCALE_TAGS[locale]], { type: 'language' }).of(data.language) ?? data.language, date: formatDate(data.publishedOn, locale), institutionShortName: shortName }
		};
	}
	if (kind !== 'news') return { kind, id: item.id };
	const body = resolveText(s.body as LocalizedText, locale);
	const date = item.publicState === 'draft' ? new Date() : item.publishedAt;
	return {
		kind,
		id: item.id,
		news: {
			title: s.title as LocalizedText,
			publishedAt: date,
			date: formatDate(date, locale, 'long'),
			...owner,
			body: body ? { html: renderMarkdown(body.text), locale: body.locale, isFallback: body.isFallback } : null
		}
	};
};
