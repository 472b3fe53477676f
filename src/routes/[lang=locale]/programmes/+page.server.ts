import { compareText, countryName, formatDate, formatMoney, languageName } from '$lib/i18n/format';
import { resolveText } from '$lib/i18n/localized-text';
import { type Locale } from '$lib/i18n/locales';
import { todayIn } from '$lib/server/guides/planner.service';
import { parseFinderQuery, scopeFinderChoices } from '$lib/programmes/finder';
import { finderOptions, findProgrammes } from '$lib/server/programmes/programmes.service';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { locale, ctx } = locals;
	const { filters, ignored } = parseFinderQuery(url.searchParams);
	const today = todayIn('UTC');
	const [result, institutions] = await Promise.all([findProgrammes(ctx, filters, today), finderOptions(ctx)]);
	const name = (text: Parameters<typeof resolveText>[0], owner: string) => resolveText(text, locale, owner as Locale);
	const choices = scopeFinderChoices(
		institutions.map((i) => ({ ...i, city: i.city.en ?? '' })),
		filters
	);
	const cityNames = new Map(institutions.map((i) => [i.city.en ?? '', name(i.city, 'en')?.text ?? '']));
	const cities = choices.cities
		.map((value) => ({ value, label: cityNames.get(value) ?? value }))
		.sort((a, b) => compareText(a.label, b.label, locale));
	const countries = [...new Set(institutions.map((p) => p.countryCode))]
		.map((code) => ({ value: code, label: countryName(code, locale) }))
		.sort((a, b) => compareText(a.label, b.label, locale));
	const languages = ['en', 'ru', 'kk', 'zh', 'es', 'fr', 'pt', 'sv'].map((code) => ({ value: code, label: languageName(code, locale) }));
	return {
		filters,
		ignored,
		total: result.total,
		page: result.page,
		pages: result.pages,
		options: {
			institutions: choices.institutions.map((i) => ({ value: i.slug, label: `${name(i.name, i.defaultLocale)?.text ?? i.shortName} (${i.shortName})` })),
			narrowInstitutionsFirst: choices.narrowFirst,
			cities,
			countries,
			languages
		},
		items: result.items.map((p) => ({
			...p,
			titleText: name(p.title, p.institutionDefaultLocale),
			institutionText: name(p.institutionName, p.institutionDefaultLocale)?.text ?? p.institutionShortName,
			place: `${name(p.city, p.institutionDefaultLocale)?.text ?? ''}, ${countryName(p.countryCode, locale)}`,
			languageNames: p.languages.map((l) => languageName(l, locale)),
			tuition: p.tuitionAmount === null || !p.tuitionCurrency ? null : p.tuitionAmount === 0 ? 0 : formatMoney(p.tuitionAmount, p.tuitionCurrency, locale),
			deadline: p.applicationDeadline ? formatDate(p.applicationDeadline, locale) : null,
			open: !!p.applicationOpens && !!p.applicationDeadline && p.applicationOpens <= today && today <= p.applicationDeadline
		}))
	};
};
