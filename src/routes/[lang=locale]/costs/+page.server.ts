import { costCityName } from '$lib/i18n/cities';
import { countryName, formatDate, formatMoney } from '$lib/i18n/format';
import { LOCALE_TAGS } from '$lib/i18n/locales';
import { t, translateFields } from '$lib/i18n/messages';
import { listCostCities, planBudget } from '$lib/server/costs/costs.service';
import { AppError } from '$lib/server/platform/errors';
import type { PageServerLoad } from './$types';

const FIELDS = ['city', 'housing', 'lifestyle', 'months', 'currency', 'institution'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { locale } = locals;
	const values = Object.fromEntries(FIELDS.map((f) => [f, url.searchParams.get(f) ?? '']));
	// In the reader's language and in their alphabet's order.
	const collator = new Intl.Collator(LOCALE_TAGS[locale]);
	const cities = (await listCostCities(locals.ctx))
		.map((c) => ({ value: c.city, label: `${costCityName(c.city, locale)}, ${countryName(c.countryCode, locale)}` }))
		.sort((a, b) => collator.compare(a.label, b.label));
	if (!values.city) return { cities, values, errors: {} as Record<string, string>, result: null, currencies: ['EUR', 'USD', 'CNY', 'KZT', 'RUB', 'SEK'] };
	try {
		const plan = await planBudget(locals.ctx, values);
		const money = (amount: number, currency = plan.currency) => formatMoney(Math.round(amount), currency, locale);
		return {
			cities,
			values,
			errors: {} as Record<string, string>,
			currencies: plan.currencies,
			result: {
				institution: plan.institution,
				months: plan.input.months,
				monthly: plan.budget.monthly.map((i) => ({ category: i.category, amount: money(i.amount) })),
				other: plan.budget.other.map((i) => ({ category: i.category, period: i.period, amount: money(i.amount), times: i.times })),
				monthlyTotal: money(plan.budget.monthlyTotal),
				stayTotal: money(plan.budget.stayTotal),
				converted: plan.converted && {
					monthly: money(plan.converted.monthly, plan.converted.currency),
					total: money(plan.converted.total, plan.converted.currency),
					date: formatDate(plan.converted.asOf, locale)
				},
				funds: plan.funds && {
					amount: money(plan.funds.monthlyAmount, plan.funds.currency),
					meets: plan.funds.meets,
					note: plan.funds.note,
					sourceUrl: plan.funds.sourceUrl,
					verifiedOn: plan.funds.verifiedOn,
					unverified: plan.funds.unverified
				},
				unverified: plan.unverified,
				sources: plan.sources
			}
		};
	} catch (err) {
		if (!(err instanceof AppError)) throw err;
		return { cities, values, errors: translateFields(err.fields, locale), message: t(err.messageKey, locale), result: null, currencies: ['EUR', 'USD', 'CNY', 'KZT', 'RUB', 'SEK'] };
	}
};
