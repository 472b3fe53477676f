import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { z } from 'zod';
import { LOCALES } from '$lib/i18n/locales';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './auth';

/**
 * Passwords that are easy to guess are refused (NIST SP 800-63B: known-breached, dictionary
 * words, repetitive or sequential characters, context-specific words). zxcvbn-ts estimates
 * how many guesses a password takes from its dictionaries of common and breached passwords,
 * names and keyboard patterns; the site's own words count as known ones.
 */
const strength = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
const SITE_WORDS = ['welcome', 'demo', 'welcome-demo', 'welcomedemo', 'erasmus', 'platform', 'university', 'student', 'astana', 'tongji'];

/** Whether a password is too easy to guess, given words the person's own details make obvious. */
export function isGuessablePassword(password: string, personalWords: string[] = []) {
	if (new Set(password).size <= 3) return true;
	// zxcvbn's cost grows with length; what follows the first 64 characters adds strength anyway.
	return strength.check(password.slice(0, 64), [...SITE_WORDS, ...personalWords.filter((w) => w.length >= 3)]).score < 3;
}

/** The words of an e-mail address and a name that a guesser would try first. */
export const personalWords = (email: string, name = '') => [email.split('@')[0] ?? '', ...email.split('@')[0]!.split(/[._+-]/), ...name.split(/\s+/)].map((w) => w.toLowerCase());

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
	.refine((p) => !isGuessablePassword(p), 'error_password_common');

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
	})
	.refine((v) => !isGuessablePassword(v.password, personalWords(v.email, v.name)), { message: 'error_password_common', path: ['password'] });

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
