import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors';
import { parseInput } from '../platform/validation';
import { signUpSchema } from './accounts.schemas';

const valid = {
	name: 'Aigerim Test',
	email: ' New.Student@Example.org ',
	password: 'steppe winds in spring',
	passwordConfirm: 'steppe winds in spring',
	personKind: 'student',
	locale: 'kk'
};

function fieldErrors(input: Record<string, unknown>) {
	try {
		parseInput(signUpSchema, input);
		return {};
	} catch (error) {
		if (error instanceof AppError) return error.fields;
		throw error;
	}
}

describe('sign-up input', () => {
	it('accepts a valid form and normalises the e-mail', () => {
		expect(parseInput(signUpSchema, valid).email).toBe('new.student@example.org');
	});

	it.each([
		[{ email: 'not-an-email' }, 'email', 'error_email_invalid'],
		[{ email: '' }, 'email', 'error_required'],
		[{ name: '   ' }, 'name', 'error_required'],
		[{ password: 'short', passwordConfirm: 'short' }, 'password', 'error_password_too_short'],
		[{ password: 'password123', passwordConfirm: 'password123' }, 'password', 'error_password_common'],
		[{ password: 'aaaaaaaaaaaa', passwordConfirm: 'aaaaaaaaaaaa' }, 'password', 'error_password_common'],
		[{ password: 'x'.repeat(129), passwordConfirm: 'x'.repeat(129) }, 'password', 'error_password_too_long'],
		[{ passwordConfirm: 'something else' }, 'passwordConfirm', 'error_password_mismatch'],
		[{ password: 'new.student-2026!', passwordConfirm: 'new.student-2026!' }, 'password', 'error_password_contains_email'],
		[{ personKind: 'alien' }, 'personKind', 'error_choose_one']
	])('refuses %o with a message on %s', (change, field, key) => {
		expect(fieldErrors({ ...valid, ...change })[field]).toBe(key);
	});
});
