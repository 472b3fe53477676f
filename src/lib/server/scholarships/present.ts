import { countryName, formatMoney } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';

/** What a scholarship card shows, formatted on the server (browsers may lack locale data). */
export function presentScholarship<T extends { countryCode: string; stipends: Partial<Record<string, number>>; stipendCurrency: string | null }>(s: T, locale: Locale) {
	return {
		...s,
		country: countryName(s.countryCode, locale),
		stipendList: Object.entries(s.stipends).flatMap(([level, amount]) =>
			amount !== undefined && s.stipendCurrency ? [{ level, amount: formatMoney(amount, s.stipendCurrency, locale) }] : []
		)
	};
}
