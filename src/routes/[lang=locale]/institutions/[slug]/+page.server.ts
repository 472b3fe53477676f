import { loadOrError } from '$lib/server/http';
import { listInstitutionProgrammes } from '$lib/server/programmes/programmes.service';
import { countryName, formatDate, formatDayMonth, formatMoney, formatNumber, languageName } from '$lib/i18n/format';
import { t } from '$lib/i18n/messages';
import { isLocale, LOCALE_TAGS, type Locale } from '$lib/i18n/locales';
import { getPublicInstitutionWithFactsheet, type getFactsheet } from '$lib/server/institutions/factsheet.service';
import { publicInstitutionCosts } from '$lib/server/costs/institution-costs.service';
import { publicCatalogue } from '$lib/server/welcome/catalogue.service';
import { publicImage } from '$lib/server/media/media.service';
import { listPublicFaq } from '$lib/server/news/faq-editing.service';
import { renderMarkdown } from '$lib/server/editing/markdown';
import { resolveText } from '$lib/i18n/localized-text';

import { todayIn } from '$lib/server/guides/planner.service';
import { institutionNewsAndEvents } from '$lib/server/news/news.service';
import { presentEvent } from '$lib/server/news/present';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

/** The factsheet with its numbers, teaching languages and yearly deadlines said in the page's language. */
function presentFactsheet(f: NonNullable<Awaited<ReturnType<typeof getFactsheet>>>, locale: Locale) {
	return {
		...f,
		studentsText: f.students ? formatNumber(f.students, locale) : null,
		internationalText: f.internationalStudents ? formatNumber(f.internationalStudents, locale) : null,
		languageNames: f.instructionLanguages.map((l) => languageName(l, locale)),
		deadlines: (['nominationDeadlineAutumn', 'nominationDeadlineSpring', 'applicationDeadlineAutumn', 'applicationDeadlineSpring'] as const).map((key) => ({
			key,
			text: f[key] ? formatDayMonth(f[key]!, locale) : null
		}))
	};
}

export const load: PageServerLoad = async (event) => {
	const ctx = event.locals.ctx;
	const { institution: inst, factsheet } = await loadOrError(event, () => getPublicInstitutionWithFactsheet(ctx, event.params.slug));
	const owner = inst.defaultLocale as Locale;
	// Everything else depends only on the institution: read it all at once, not one query after another.
	const [photo, faqRows, programmes, catalogue, costRows, newsAndEvents] = await Promise.all([
		publicImage(ctx, inst.photoId),
		listPublicFaq(ctx, inst.id),
		listInstitutionProgrammes(ctx, inst.id),
		publicCatalogue(ctx, inst.id),
		publicInstitutionCosts(ctx, inst.id),
		institutionNewsAndEvents(ctx, inst.id, todayIn('UTC'))
	]);
	const faq = faqRows.map((f) => {
		const question = resolveText(f.question, event.locals.locale, owner);
		const answer = resolveText(f.answer, event.locals.locale, owner);
		return { slug: f.slug, question, answer: answer ? { html: renderMarkdown(answer.text), locale: answer.locale, isFallback: answer.isFallback } : null };
	});
	return {
		faq,
		// Named in the reader's language ("қытай тілі", not "简体中文"), like the teaching languages.
		localeNames: inst.locales.filter(isLocale).map((l) => languageName(LOCALE_TAGS[l], event.locals.locale)),
		photo: photo && { ...photo, alt: resolveText(photo.alt, event.locals.locale, inst.defaultLocale as Locale)?.text ?? '' },
		// The first few; the programme finder, filtered by the institution, lists them all.
		programmes: programmes.items,
		programmesTotal: programmes.total,
		welcomeServices: catalogue.map((w) => ({ code: w.code, name: resolveText(w.name, event.locals.locale, owner), description: resolveText(w.description, event.locals.locale, owner), audiences: w.audiences, turnaroundDays: w.turnaroundDays })),
		costs: costRows.map((c) => ({
			category: c.category,
			period: c.period,
			range: c.low === c.high ? formatMoney(c.low, c.currency, event.locals.locale) : t('costs_range', event.locals.locale, { low: formatMoney(c.low, c.currency, event.locals.locale), high: formatMoney(c.high, c.currency, event.locals.locale) }),
			note: resolveText(c.note, event.locals.locale, owner)
		})),
		factsheet: factsheet && presentFactsheet(factsheet, event.locals.locale),
		news: newsAndEvents.news.map((n) => ({ ...n, date: formatDate(n.publishedAt, event.locals.locale, 'long') })),
		events: newsAndEvents.upcoming.map((e) => presentEvent(e, event.locals.locale)),
		institution: {
			slug: inst.slug,
			shortName: inst.shortName,
			name: inst.name,
			description: inst.description,
			city: inst.city,
			countryCode: inst.countryCode,
			country: countryName(inst.countryCode, event.locals.locale),
			defaultLocale: inst.defaultLocale,
			locales: inst.locales,
			website: inst.website,
			isDemo: inst.isDemo,
			updatedAt: inst.updatedAt
		}
	};
};
