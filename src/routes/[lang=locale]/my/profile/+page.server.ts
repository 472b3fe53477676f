import { redirect } from '@sveltejs/kit';
import { COUNTRY_CODES } from '$lib/i18n/countries';
import { countryName, languageName, compareText } from '$lib/i18n/format';
import { SPOKEN_LANGUAGES } from '$lib/welcome/buddy-match';
import { resolveText } from '$lib/i18n/localized-text';
import { type Locale } from '$lib/i18n/locales';
import { loadOrError, runForm } from '$lib/server/http';
import { listInstitutions } from '$lib/server/institutions/institutions.service';
import { getOwnProfile, saveOwnProfile } from '$lib/server/welcome/incoming.service';
import { stayPurpose } from '$lib/welcome/stay-purpose';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { ctx, locale } = event.locals;
	const profile = await loadOrError(event, () => getOwnProfile(ctx));
	const institutions = (await listInstitutions(ctx))
		.map((i) => ({ id: i.id, value: i.slug, label: `${resolveText(i.name, locale, i.defaultLocale as Locale)?.text ?? i.shortName} (${i.shortName})` }))
		.sort((a, b) => compareText(a.label, b.label, locale));
	const countries = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) => compareText(a.label, b.label, locale));
	const values: Record<string, string> = {
		kind: profile.kind,
		// Not chosen yet: the purpose that goes with what they come as, which saving stores.
		purpose: stayPurpose(profile),
		institution: institutions.find((i) => i.id === profile.institutionId)?.value ?? '',
		nationality: profile.nationality ?? '',
		passportName: profile.passportName ?? '',
		sex: profile.sex ?? '',
		dateOfBirth: profile.dateOfBirth ?? '',
		placeOfBirth: profile.placeOfBirth ?? '',
		homeAddress: profile.homeAddress ?? '',
		passportNumber: profile.passportNumber ?? '',
		passportIssuedOn: profile.passportIssuedOn ?? '',
		passportExpiry: profile.passportExpiry ?? '',
		stayStart: profile.stayStart ?? '',
		stayEnd: profile.stayEnd ?? '',
		arrivalDate: profile.arrivalDate ?? '',
		arrivalTime: profile.arrivalTime ?? '',
		flightNumber: profile.flightNumber ?? '',
		arrivalAirport: profile.arrivalAirport ?? '',
		housing: profile.housing,
		languages: profile.languages.join(','),
		interests: profile.interests,
		version: String(profile.version),
		...Object.fromEntries(
			profile.family.flatMap((f, i) => [
				[`f.${i}.name`, f.name],
				[`f.${i}.relation`, f.relation],
				[`f.${i}.dateOfBirth`, f.dateOfBirth ?? ''],
				[`f.${i}.nationality`, f.nationality ?? '']
			])
		)
	};
	const languages = SPOKEN_LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale) })).sort((a, b) => compareText(a.label, b.label, locale));
	return { values, familyRows: profile.family.length, institutions: institutions.map(({ value, label }) => ({ value, label })), countries, languages };
};

export const actions: Actions = {
	default: async (event) => {
		const outcome = await runForm(event, (input) => saveOwnProfile(event.locals.ctx, input));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/my?saved=1`);
	}
};
