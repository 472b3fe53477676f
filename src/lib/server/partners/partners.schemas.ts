import { z } from 'zod';
import { LOCALES } from '$lib/i18n/locales';
import { localizedInput } from '../editing/content-inputs';
import { isCountryCode } from '$lib/i18n/countries';
import { isEwpIdentifier, isHeiId, normalizeErasmusCode, normalizeHeiId } from '$lib/ewp/ids';
import { isPartnerContactRole } from '$lib/partners/contact-roles';
import { emailSchema } from '../auth/accounts.schemas';

const localized = localizedInput;
const hasText = (text: Partial<Record<string, string | undefined>>) => Object.values(text).some((v) => !!v?.trim());

const optionalText = (max: number) => z.string().trim().max(max, 'error_too_long').default('');

export const partnerInputSchema = z.object({
	heiId: z
		.string()
		.transform(normalizeHeiId)
		.refine((v) => v !== '', 'error_required')
		.refine(isHeiId, 'error_hei_id_invalid'),
	erasmusCode: z
		.string()
		.trim()
		.default('')
		.refine((v) => v === '' || normalizeErasmusCode(v) !== undefined, 'error_erasmus_code_invalid')
		.transform((v) => (v === '' ? null : normalizeErasmusCode(v)!)),
	name: localized(200).refine(hasText, 'error_name_any_language'),
	city: localized(100).default({}),
	countryCode: z.string().trim().toUpperCase().refine(isCountryCode, 'error_choose_one'),
	website: optionalText(300).refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'error_url_invalid'),
	version: z.coerce.number().int().positive().optional()
});

export const unitInputSchema = z.object({
	ounitId: z.string().trim().min(1, 'error_required').refine(isEwpIdentifier, 'error_ewp_identifier_invalid'),
	code: optionalText(40),
	name: localized(200).refine(hasText, 'error_name_any_language')
});

export const contactInputSchema = z.object({
	name: z.string().trim().min(1, 'error_required').max(200, 'error_too_long'),
	email: z.string().trim().toLowerCase().refine((v) => v === '' || emailSchema.safeParse(v).success, 'error_email_invalid').default(''),
	phone: z
		.string()
		.transform((v) => v.replace(/[\s().-]/g, ''))
		.refine((v) => v === '' || /^\+[1-9]\d{6,14}$/.test(v), 'error_phone_e164')
		.default(''),
	unitId: z.string().trim().default(''),
	roles: z.array(z.string()).refine((roles) => roles.every(isPartnerContactRole), 'error_choose_one').default([])
});

/** A form's flat fields (`name.en`, `roles` repeated) in the shape the schemas read. */
export function fromForm(input: Record<string, string>, form: FormData, localizedFields: string[] = []) {
	const values: Record<string, unknown> = { ...input };
	for (const field of localizedFields) values[field] = Object.fromEntries(LOCALES.map((l) => [l, input[`${field}.${l}`] ?? '']));
	if (form.has('roles')) values.roles = form.getAll('roles').map(String);
	return values;
}
