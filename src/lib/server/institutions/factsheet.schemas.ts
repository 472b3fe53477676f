import { z } from 'zod';
import { FACTSHEET_TEXTS } from '$lib/factsheet-form';
import { localizedInput, optionalWholeInput, translatedFromForm } from '../editing/content-inputs';
import { listFromForm } from '../platform/validation';
import { FACTSHEET_REQUIREMENTS, WELCOME_SERVICES } from './factsheet.tables';

const optionalInt = (min: number, max: number) => optionalWholeInput(max, 'error_number_range', min);

const optionalEmail = z
	.string()
	.trim()
	.max(254, 'error_email_invalid')
	.refine((v) => v === '' || z.email().safeParse(v).success, 'error_email_invalid')
	.transform((v) => v || null);

const optionalUrl = z
	.string()
	.trim()
	.max(300, 'error_too_long')
	.refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'error_url_invalid')
	.transform((v) => v || null);

const optionalPhone = z
	.string()
	.trim()
	.refine((v) => v === '' || /^\+?[0-9 ()./-]{5,30}$/.test(v), 'error_phone_invalid')
	.transform((v) => v || null);

/** A day of the year written MM-DD (EWP factsheet calendar), e.g. 05-15; 02-29 is allowed. */
const optionalDayMonth = z
	.string()
	.trim()
	.refine((v) => {
		if (v === '') return true;
		if (!/^\d{2}-\d{2}$/.test(v)) return false;
		const d = new Date(`2024-${v}T00:00:00Z`);
		return !Number.isNaN(d.getTime()) && d.toISOString().slice(5, 10) === v;
	}, 'error_day_month_invalid')
	.transform((v) => v || null);

const languageList = z
	.string()
	.trim()
	.transform((v) => [...new Set(v.split(/[\s,;]+/).filter(Boolean).map((c) => c.toLowerCase()))])
	.refine((codes) => codes.length <= 12 && codes.every((c) => /^[a-z]{2}$/.test(c)), 'error_language_codes');

const thisYear = new Date().getUTCFullYear();

export const factsheetInputSchema = z
	.object({
		foundedYear: optionalInt(800, thisYear),
		students: optionalInt(0, 2_000_000),
		internationalStudents: optionalInt(0, 2_000_000),
		instructionLanguages: languageList,
		officeEmail: optionalEmail,
		officePhone: optionalPhone,
		officeUrl: optionalUrl,
		centreEmail: optionalEmail,
		centrePhone: optionalPhone,
		centreUrl: optionalUrl,
		services: z.array(z.enum(WELCOME_SERVICES, 'error_choose_one')),
		nominationDeadlineAutumn: optionalDayMonth,
		nominationDeadlineSpring: optionalDayMonth,
		applicationDeadlineAutumn: optionalDayMonth,
		applicationDeadlineSpring: optionalDayMonth,
		applicationEmail: optionalEmail,
		applicationPhone: optionalPhone,
		applicationUrl: optionalUrl,
		additionalRequirements: z.array(z.enum(FACTSHEET_REQUIREMENTS, 'error_choose_one')),
		decisionWeeksLimit: optionalInt(1, 52),
		transcriptWeeksLimit: optionalInt(1, 52),
		housingEmail: optionalEmail,
		housingUrl: optionalUrl,
		visaEmail: optionalEmail,
		visaUrl: optionalUrl,
		insuranceEmail: optionalEmail,
		insuranceUrl: optionalUrl,
		officeAddress: localizedInput(500),
		centreHours: localizedInput(200),
		requirementsDetails: localizedInput(3000),
		accommodation: localizedInput(3000),
		accessibility: localizedInput(3000),
		additionalInfo: localizedInput(3000)
	})
	.refine((v) => v.students === null || v.internationalStudents === null || v.internationalStudents <= v.students, {
		message: 'error_international_exceeds_students',
		path: ['internationalStudents']
	});

const PLAIN_FIELDS = [
	'foundedYear', 'students', 'internationalStudents', 'instructionLanguages', 'officeEmail', 'officePhone', 'officeUrl', 'centreEmail', 'centrePhone', 'centreUrl',
	'nominationDeadlineAutumn', 'nominationDeadlineSpring', 'applicationDeadlineAutumn', 'applicationDeadlineSpring', 'applicationEmail', 'applicationPhone', 'applicationUrl',
	'decisionWeeksLimit', 'transcriptWeeksLimit', 'housingEmail', 'housingUrl', 'visaEmail', 'visaUrl', 'insuranceEmail', 'insuranceUrl'
] as const;

/** Reads the factsheet form: flat text fields, checkbox lists, and `officeAddress.en`… texts. */
export function factsheetInputFromForm(input: Record<string, string>) {
	return {
		...Object.fromEntries(PLAIN_FIELDS.map((f) => [f, input[f] ?? ''])),
		services: listFromForm(input.services),
		additionalRequirements: listFromForm(input.additionalRequirements),
		...translatedFromForm(input, FACTSHEET_TEXTS)
	};
}
