import { countryName, formatDate } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { t, type MessageKey } from '$lib/i18n/messages';
import { stayPurpose } from '$lib/welcome/stay-purpose';
import type { incomingProfile } from '../welcome/incoming.tables';
import type { LetterFacts } from './letter-text';

type Profile = Pick<
	typeof incomingProfile.$inferSelect,
	'kind' | 'purpose' | 'nationality' | 'passportName' | 'sex' | 'dateOfBirth' | 'placeOfBirth' | 'homeAddress' | 'passportNumber' | 'passportIssuedOn' | 'passportExpiry' | 'stayStart' | 'stayEnd' | 'arrivalDate'
>;

/** The host of the stay, in the letter's language. */
export interface LetterHost {
	institution: string;
	city: string;
	countryCode: string;
}

/**
 * What a letter says about the person and their stay, in the letter's language: dates written
 * out, countries, sex and purpose as words. The name is the one in the passport when the person
 * gave it (a consulate compares the two), the account's name otherwise. An unknown fact is ''.
 */
export function letterFacts(locale: Locale, accountName: string, p: Profile | null, host: LetterHost): LetterFacts {
	const date = (value: string | null | undefined) => (value ? formatDate(value, locale, 'long') : '');
	return {
		name: p?.passportName || accountName,
		passport_name: p?.passportName ?? '',
		sex: p?.sex ? t(`letter_sex_${p.sex.toLowerCase()}` as MessageKey, locale) : '',
		date_of_birth: date(p?.dateOfBirth),
		place_of_birth: p?.placeOfBirth ?? '',
		nationality: p?.nationality ? countryName(p.nationality, locale) : '',
		// One line in the letter, whatever lines it was typed on.
		home_address: (p?.homeAddress ?? '')
			.split(/\s*\n\s*/)
			.filter(Boolean)
			.join(', '),
		passport: p?.passportNumber ?? '',
		passport_issued: date(p?.passportIssuedOn),
		passport_expiry: date(p?.passportExpiry),
		kind: p ? t(`letter_person_${p.kind}` as MessageKey, locale) : '',
		purpose: p ? t(`letter_purpose_${stayPurpose(p)}` as MessageKey, locale) : '',
		stay_start: date(p?.stayStart ?? p?.arrivalDate),
		stay_end: date(p?.stayEnd),
		arrival_date: date(p?.arrivalDate),
		institution: host.institution,
		city: host.city,
		country: countryName(host.countryCode, locale)
	};
}
