import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors';
import { parseInput } from '../platform/validation';
import { isGuessablePassword, personalWords, signUpSchema } from './accounts.schemas';

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
		// Known-breached patterns and the site's own words (the demo password is published).
		[{ password: 'welcome-demo-2026', passwordConfirm: 'welcome-demo-2026' }, 'password', 'error_password_common'],
		[{ password: 'Password-2026', passwordConfirm: 'Password-2026' }, 'password', 'error_password_common'],
		[{ password: 'qwerty123456', passwordConfirm: 'qwerty123456' }, 'password', 'error_password_common'],
		// The person's own name.
		[{ password: 'AigerimTest!', passwordConfirm: 'AigerimTest!' }, 'password', 'error_password_common'],
		[{ password: 'x'.repeat(129), passwordConfirm: 'x'.repeat(129) }, 'password', 'error_password_too_long'],
		[{ passwordConfirm: 'something else' }, 'passwordConfirm', 'error_password_mismatch'],
		[{ password: 'new.student-2026!', passwordConfirm: 'new.student-2026!' }, 'password', 'error_password_contains_email'],
		[{ personKind: 'alien' }, 'personKind', 'error_choose_one']
	])('refuses %o with a message on %s', (change, field, key) => {
		expect(fieldErrors({ ...valid, ...change })[field]).toBe(key);
	});
});

describe('password strength', () => {
	it('counts the person\'s own name and e-mail as words a guesser knows', () => {
		expect(isGuessablePassword('AigerimTest!')).toBe(false);
		expect(isGuessablePassword('AigerimTest!', personalWords('a.nurlanova@example.kz', 'Aigerim Test'))).toBe(true);
	});

	it('accepts long passphrases in any script', () => {
		for (const phrase of ['steppe winds in spring', 'белые облака над степью', '长城脚下的秋天很美丽啊', 'бұлт астындағы дала кеші']) expect(isGuessablePassword(phrase), phrase).toBe(false);
	});
});
