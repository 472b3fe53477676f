import { costCityName } from '$lib/i18n/cities';
import { countryName, formatDate, formatMoney } from '$lib/i18n/format';
import { LOCALE_TAGS } from '$lib/i18n/locales';
import { resolveText } from '$lib/i18n/localized-text';
import { t, translateFields } from '$lib/i18n/messages';
import { levelLabel } from '$lib/i18n/programme-labels';
import { roundMoney } from '$lib/server/costs/budget';
import { calculatorOptions, listCostCities, planBudget, type BudgetPlan } from '$lib/server/costs/costs.service';
import { AppError } from '$lib/server/platform/errors';
import type { Locale } from '$lib/i18n/locales';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

/** Every parameter the calculator's form sends (a GET form: a result is a link that can be shared). */
const FIELDS = ['city', 'housing', 'lifestyle', 'months', 'currency', 'institution', 'programme', 'scholarship', 'tuition', 'tuitionAmount', 'tuitionPeriod', 'tuitionCurrency', 'funds', 'fundsCurrency'] as const;
const CURRENCIES = ['EUR', 'USD', 'CNY', 'KZT', 'RUB', 'SEK'];

type Options = Awaited<ReturnType<typeof calculatorOptions>>;

/** The form's lists in the reader's language and alphabet. */
function presentOptions(options: Pick<Options, 'institutions' | 'programmes' | 'scholarships'>, locale: Locale) {
	const collator = new Intl.Collator(LOCALE_TAGS[locale]);
	return {
		institutions: options.institutions.map((i) => ({ value: i.slug, label: i.shortName })).sort((a, b) => collator.compare(a.label, b.label)),
		programmes: options.programmes.map((p) => ({
			value: p.slug,
			label: `${resolveText(p.title, locale)?.text ?? p.slug} · ${levelLabel(p.level)}`
		})),
		scholarships: options.scholarships.map((s) => ({ value: s.slug, label: resolveText(s.name, locale)?.text ?? s.slug }))
	};
}

/** The result in the reader's language: every amount formatted here, on the server. */
function presentPlan(plan: BudgetPlan, locale: Locale) {
	const money = (amount: number, currency = plan.currency) => formatMoney(roundMoney(amount), currency, locale);
	const display = plan.display;
	// An amount in the city's money, and about as much in the money the person chose.
	const both = (amount: number) => ({ local: money(amount), display: display ? money(amount * display.rate, display.currency) : null });
	const { tuition, funds, study } = plan;
	const programmeName = study.programme && study.institution ? `${resolveText(study.programme.title, locale)?.text ?? study.programme.slug}, ${study.institution.shortName}` : null;
	return {
		institution: plan.institution,
		months: plan.input.months,
		monthly: plan.budget.monthly.map((i) => ({ category: i.category, amount: money(i.amount), covered: i.covered })),
		other: plan.budget.other.map((i) => ({ category: i.category, period: i.period, amount: money(i.amount), times: i.times, covered: i.covered })),
		monthlyTotal: money(plan.budget.monthlyTotal),
		livingTotal: money(plan.budget.stayTotal),
		tuition: tuition && {
			source: tuition.source,
			programme: tuition.source === 'programme' || tuition.source === 'scholarship' || tuition.source === 'unknown' ? programmeName : null,
			scholarship: study.scholarship ? (resolveText(study.scholarship.name, locale)?.text ?? study.scholarship.slug) : null,
			fee: tuition.fee && { amount: money(tuition.fee.amount, tuition.fee.currency), period: tuition.fee.period },
			semesters: tuition.semesters,
			// The fee for the stay in its own currency, where that is not the city's.
			feeForStay: tuition.fee && 'feeForStay' in tuition && tuition.fee.currency !== plan.currency ? money(tuition.feeForStay, tuition.fee.currency) : null,
			amount: tuition.amount === null ? null : money(tuition.amount)
		},
		scholarship: study.scholarship && { name: resolveText(study.scholarship.name, locale)?.text ?? study.scholarship.slug, slug: study.scholarship.slug },
		stipend: plan.stipend && { monthly: money(plan.stipend.monthly), total: money(plan.stipend.total) },
		total: both(plan.total),
		converted: display && {
			monthly: money(plan.budget.monthlyTotal * display.rate, display.currency),
			total: money(plan.total * display.rate, display.currency),
			date: formatDate(display.asOf, locale)
		},
		funds: {
			country: countryName(plan.countryCode, locale),
			rule: funds.rule && {
				monthly: money(funds.rule.monthlyAmount, funds.rule.currency),
				note: resolveText(funds.rule.note, locale),
				sourceUrl: funds.rule.sourceUrl,
				verifiedOn: funds.rule.verifiedOn,
				unverified: funds.rule.unverified
			},
			required: funds.required === null ? null : both(funds.required),
			total: both(funds.total),
			given: funds.given === null ? null : money(funds.given, funds.fundsCurrency),
			available: funds.available === null ? null : both(funds.available),
			againstRequired: funds.againstRequired === null ? null : { covers: funds.againstRequired >= 0, difference: both(Math.abs(funds.againstRequired)) },
			againstTotal: funds.againstTotal === null ? null : { covers: funds.againstTotal >= 0, difference: both(Math.abs(funds.againstTotal)) },
			ruleAboveBudget: funds.ruleAboveBudget === true
		},
		unverified: plan.unverified,
		sources: plan.sources
	};
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const { locale } = locals;
	const values: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, url.searchParams.get(f) ?? '']));
	// In the reader's language and in their alphabet's order.
	const collator = new Intl.Collator(LOCALE_TAGS[locale]);
	const cities = (await listCostCities(locals.ctx))
		.map((c) => ({ value: c.city, label: `${costCityName(c.city, locale)}, ${countryName(c.countryCode, locale)}` }))
		.sort((a, b) => collator.compare(a.label, b.label));
	const empty = { cities, values, errors: {} as Record<string, string>, message: null as string | null, result: null, currencies: CURRENCIES, localCurrency: null as string | null };
	if (!values.city && !values.institution) return { ...empty, study: { city: '', ...presentOptions({ institutions: [], programmes: [], scholarships: [] }, locale) } };
	try {
		const plan = await planBudget(locals.ctx, values);
		// The form shows what was used: the city an institution named, the programme's length, the tuition's source.
		const used: Record<string, string> = { ...values, city: plan.input.city, months: String(plan.input.months), tuition: plan.tuitionChoice ?? '' };
		return {
			...empty,
			values: used,
			currencies: plan.currencies,
			localCurrency: plan.currency,
			study: { city: plan.input.city, ...presentOptions(plan.options, locale) },
			result: presentPlan(plan, locale)
		};
	} catch (err) {
		if (!(err instanceof AppError)) throw err;
		const options = await calculatorOptions(locals.ctx, values);
		return {
			...empty,
			errors: translateFields(err.fields, locale),
			message: t(err.messageKey, locale),
			study: { city: options.city, ...presentOptions(options, locale) }
		};
	}
};
