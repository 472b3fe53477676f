import { z } from 'zod';
import { LOCALES } from '$lib/i18n/locales';
import { isHeiId, normalizeErasmusCode, normalizeHeiId } from '$lib/ewp/ids';
import { INSTITUTION_ROLES } from '../access/policy';
import { emailSchema } from '../auth/accounts.schemas';

const localized = (max: number) =>
	z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().max(max, 'error_too_long').optional()])) as Record<
		(typeof LOCALES)[number],
		z.ZodOptional<z.ZodString>
	>);

/** A SCHAC code, blank for none: lower-cased. */
export const heiIdField = z
	.string()
	.transform(normalizeHeiId)
	.refine((v) => v === '' || isHeiId(v), 'error_hei_id_invalid');

/** An Erasmus code, blank for none: written in its official columns. */
export const erasmusCodeField = z
	.string()
	.trim()
	.refine((v) => v === '' || normalizeErasmusCode(v) !== undefined, 'error_erasmus_code_invalid')
	.transform((v) => (v === '' ? '' : normalizeErasmusCode(v)!));

export const profileInputSchema = z
	.object({
		name: localized(200),
		/** The short name where a language writes it otherwise (同济, Тунцзи); blank: the Latin one. */
		shortNames: localized(40).optional(),
		description: localized(5000),
		city: localized(100),
		website: z
			.string()
			.trim()
			.max(300, 'error_too_long')
			.refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'error_url_invalid'),
		defaultLocale: z.enum(LOCALES, 'error_choose_one'),
		locales: z.array(z.enum(LOCALES)).min(1, 'error_choose_at_least_one'),
		heiId: heiIdField.optional(),
		erasmusCode: erasmusCodeField.optional(),
		photoId: z.string().trim().optional(),
		version: z.coerce.number().int().positive()
	})
	.refine((v) => !!v.name[v.defaultLocale]?.trim(), { message: 'error_name_default_locale', path: ['name'] });

/** What a translator may send for the profile: its translatable texts only. */
export const profileTranslationsSchema = z.object({
	name: localized(200),
	shortNames: localized(40).optional(),
	description: localized(5000),
	city: localized(100),
	version: z.coerce.number().int().positive()
});

export const createInstitutionSchema = z.object({
	shortName: z.string().trim().min(1, 'error_required').max(40, 'error_too_long'),
	slug: z
		.string()
		.trim()
		.toLowerCase()
		.regex(/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/, 'error_slug_invalid'),
	nameEn: z.string().trim().min(1, 'error_required').max(200, 'error_too_long'),
	countryCode: z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{2}$/, 'error_country_invalid'),
	cityEn: z.string().trim().min(1, 'error_required').max(100, 'error_too_long'),
	defaultLocale: z.enum(LOCALES, 'error_choose_one')
});

export const inviteSchema = z.object({
	email: emailSchema,
	role: z.enum(INSTITUTION_ROLES, 'error_choose_one'),
	locale: z.enum(LOCALES, 'error_choose_one')
});

export const roleChangeSchema = z.object({
	membershipId: z.uuid('error_not_found'),
	role: z.enum(INSTITUTION_ROLES, 'error_choose_one')
});
