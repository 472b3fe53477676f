import { getPublicInstitution } from '$lib/server/institutions/institutions.service';
import { loadOrError } from '$lib/server/http';
import { listInstitutionProgrammes } from '$lib/server/programmes/programmes.service';
import { countryName, formatDate, formatMoney, formatNumber, languageName } from '$lib/i18n/format';
import { t } from '$lib/i18n/messages';
import { isLocale, LOCALE_TAGS, type Locale } from '$lib/i18n/locales';
import { getFactsheet } from '$lib/server/institutions/factsheet.service';
import { publicInstitutionCosts } from '$lib/server/costs/institution-costs.service';
import { publicCatalogue } from '$lib/server/welcome/catalogue.service';
import { publicImage } from '$lib/server/media/media.service';
import { listPublicFaq } from '$lib/server/news/faq-editing.service';
import { renderMarkdown } from '$lib/server/editing/markdown';
import { resolveText } from '$lib/i18n/localized-text';

/** "05-15" → 15 May, in the page language (a yearly deadline has no year). */
function dayMonth(mmdd: string, locale: Locale) {
	return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`2001-${mmdd}T00:00:00Z`));
}
import { todayIn } from '$lib/server/guides/planner.service';
import { institutionNewsAndEvents } from '$lib/server/news/news.service';
import { presentEvent } from '$lib/server/news/present';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const inst = await loadOrError(event, () => getPublicInstitution(event.locals.ctx, event.params.slug));
	const photo = await publicImage(event.locals.ctx, inst.photoId);
	const owner = inst.defaultLocale as Locale;
	const faq = (await listPublicFaq(event.locals.ctx, inst.id)).map((f) => {
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
		...(await listInstitutionProgrammes(event.locals.ctx, inst.id).then(({ items, total }) => ({ programmes: items, programmesTotal: total }))),
		welcomeServices: (await publicCatalogue(event.locals.ctx, inst.id)).map((w) => ({ code: w.code, name: resolveText(w.name, event.locals.locale, owner), description: resolveText(w.description, event.locals.locale, owner), audiences: w.audiences, turnaroundDays: w.turnaroundDays })),
		costs: (await publicInstitutionCosts(event.locals.ctx, inst.id)).map((c) => ({
			category: c.category,
			period: c.period,
			range: c.low === c.high ? formatMoney(c.low, c.currency, event.locals.locale) : t('costs_range', event.locals.locale, { low: formatMoney(c.low, c.currency, event.locals.locale), high: formatMoney(c.high, c.currency, event.locals.locale) }),
			note: resolveText(c.note, event.locals.locale, owner)
		})),
		factsheet: await getFactsheet(event.locals.ctx, inst.id).then((f) =>
			f
				? {
						...f,
						studentsText: f.students ? formatNumber(f.students, event.locals.locale) : null,
						internationalText: f.internationalStudents ? formatNumber(f.internationalStudents, event.locals.locale) : null,
						languageNames: f.instructionLanguages.map((l) => new Intl.DisplayNames([LOCALE_TAGS[event.locals.locale]], { type: 'language' }).of(l) ?? l),
						deadlines: (['nominationDeadlineAutumn', 'nominationDeadlineSpring', 'applicationDeadlineAutumn', 'applicationDeadlineSpring'] as const).map((key) => ({
							key,
							text: f[key] ? dayMonth(f[key]!, event.locals.locale) : null
						}))
					}
				: null
		),
		...(await institutionNewsAndEvents(event.locals.ctx, inst.id, todayIn('UTC')).then(({ news, upcoming }) => ({
			news: news.map((n) => ({ ...n, date: formatDate(n.publishedAt, event.locals.locale, 'long') })),
			events: upcoming.map((e) => presentEvent(e, event.locals.locale))
		}))),
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
