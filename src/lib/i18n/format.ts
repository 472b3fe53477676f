import { LOCALE_TAGS, type Locale } from './locales';

/** Dates, numbers and money always go through Intl in the page's locale. */
export function formatDate(value: Date | string, locale: Locale, style: 'medium' | 'long' = 'medium') {
	const date = typeof value === 'string' ? new Date(value) : value;
	return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: style, timeZone: 'UTC' }).format(date);
}

export function formatDateTime(value: Date | string, locale: Locale) {
	const date = typeof value === 'string' ? new Date(value) : value;
	return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'UTC'
	}).format(date);
}

export function formatNumber(value: number, locale: Locale) {
	return new Intl.NumberFormat(LOCALE_TAGS[locale]).format(value);
}

export function formatMoney(amount: number, currency: string, locale: Locale) {
	return new Intl.NumberFormat(LOCALE_TAGS[locale], {
		style: 'currency',
		currency,
		// ₸ rather than "KZT" in Russian: people read the sign they use every day.
		currencyDisplay: 'narrowSymbol',
		maximumFractionDigits: Number.isInteger(amount) ? 0 : 2
	}).format(amount);
}
