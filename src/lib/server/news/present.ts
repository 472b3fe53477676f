import { countryName, formatDate, formatMonth } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';

/** Dates and places of an event, formatted on the server in the page language. */
export function presentEvent<T extends { startsOn: string; endsOn: string; countryCode: string | null }>(e: T, locale: Locale) {
	const from = formatDate(e.startsOn, locale, 'long');
	return {
		...e,
		dates: e.startsOn === e.endsOn ? from : `${from} – ${formatDate(e.endsOn, locale, 'long')}`,
		month: e.startsOn.slice(0, 7),
		monthLabel: formatMonth(`${e.startsOn}T00:00:00Z`, locale),
		country: e.countryCode ? countryName(e.countryCode, locale) : null
	};
}
