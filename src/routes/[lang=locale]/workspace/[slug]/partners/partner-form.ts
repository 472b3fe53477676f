import { COUNTRY_CODES } from '$lib/i18n/countries';
import { countryName } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';

/** Every country, named in the page's language, for the partner form's select. */
export function countryOptions(locale: Locale) {
	return COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale));
}
