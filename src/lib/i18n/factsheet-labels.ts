import { m } from '$lib/paraglide/messages';

export function serviceLabel(code: string) {
	return (
		{
			visa_support: m.service_visa_support(),
			airport_pickup: m.service_airport_pickup(),
			accommodation: m.service_accommodation(),
			migration_registration: m.service_migration_registration(),
			insurance: m.service_insurance(),
			buddy: m.service_buddy(),
			orientation: m.service_orientation(),
			bank_sim: m.service_bank_sim(),
			family_support: m.service_family_support()
		}[code] ?? code
	);
}

export function requirementLabel(code: string) {
	return (
		{
			motivation_letter: m.req_motivation_letter(),
			transcript: m.req_transcript(),
			language_certificate: m.req_language_certificate(),
			reference_letter: m.req_reference_letter(),
			portfolio: m.req_portfolio(),
			cv: m.req_cv(),
			other: m.req_other()
		}[code] ?? code
	);
}

export function deadlineLabel(key: string) {
	return (
		{
			nominationDeadlineAutumn: m.fs_nomination_autumn(),
			nominationDeadlineSpring: m.fs_nomination_spring(),
			applicationDeadlineAutumn: m.fs_application_autumn(),
			applicationDeadlineSpring: m.fs_application_spring()
		}[key] ?? key
	);
}

export function contactLabel(kind: string) {
	return ({ housing: m.fs_housing_contact(), visa: m.fs_visa_contact(), insurance: m.fs_insurance_contact(), application: m.fs_application_contact() })[kind] ?? kind;
}
