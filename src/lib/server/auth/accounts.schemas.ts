import { z } from 'zod';
import { LOCALES } from '$lib/i18n/locales';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './auth';

/**
 * Passwords people pick first, per NIST SP 800-63B's advice to refuse known-common ones.
 * Length (≥ 10) carries most of the strength; this list catches the obvious.
 */
const COMMON_PASSWORDS = new Set([
	'1234567890', '12345678910', '0123456789', '1111111111', '0000000000', 'qwertyuiop', 'password12',
	'password123', 'password1234', 'passw0rd123', 'iloveyou123', 'qwerty12345', 'qwerty123456', 'abc1234567',
	'abcdefghij', 'a123456789', '1q2w3e4r5t', '1qaz2wsx3edc', 'zaq12wsxcde', 'welcome123', 'welcome2026',
	'letmein123', 'admin12345', 'administrator', 'football123', 'princess123', 'sunshine123', 'dragon1234',
	'monkey12345', 'master1234', '9876543210', 'asdfghjkl1', 'zxcvbnm123', 'йцукенгшщз', 'пароль12345'
]);

export const emailSchema = z
	.string()
	.trim()
	.min(1, 'error_required')
	.max(254, 'error_email_invalid')
	.pipe(z.email('error_email_invalid'))
	.transform((e) => e.toLowerCase());

export const newPasswordSchema = z
	.string()
	.min(MIN_PASSWORD_LENGTH, 'error_password_too_short')
	.max(MAX_PASSWORD_LENGTH, 'error_password_too_long')
	.refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()) && new Set(p).size > 3, 'error_password_common');

export const nameSchema = z.string().trim().min(1, 'error_required').max(120, 'error_too_long');

export const PERSON_KINDS = ['student', 'staff', 'researcher'] as const;

export const signUpSchema = z
	.object({
		name: nameSchema,
		email: emailSchema,
		password: newPasswordSchema,
		passwordConfirm: z.string(),
		personKind: z.enum(PERSON_KINDS, 'error_choose_one'),
		locale: z.enum(LOCALES)
	})
	.refine((v) => v.password === v.passwordConfirm, { message: 'error_password_mismatch', path: ['passwordConfirm'] })
	.refine((v) => !v.password.toLowerCase().includes(v.email.split('@')[0]!.toLowerCase()) || v.email.split('@')[0]!.length < 4, {
		message: 'error_password_contains_email',
		path: ['password']
	});

export const signInSchema = z.object({
	email: emailSchema,
	password: z.string().min(1, 'error_required').max(MAX_PASSWORD_LENGTH, 'error_password_too_long')
});

export const resetPasswordSchema = z
	.object({ token: z.string().min(1, 'error_token_invalid'), password: newPasswordSchema, passwordConfirm: z.string() })
	.refine((v) => v.password === v.passwordConfirm, { message: 'error_password_mismatch', path: ['passwordConfirm'] });

export const profileSchema = z.object({
	name: nameSchema,
	locale: z.enum(LOCALES, 'error_choose_one')
});
