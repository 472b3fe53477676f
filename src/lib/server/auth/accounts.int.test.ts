import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mailMessage } from '../mail/mail.tables';
import { user } from './auth.tables';
import type { RunningPlatform } from '../boot/platform';
import { contextFor, cookieJar, makeUser, TEST_PASSWORD } from '../testing/factories';
import { lastMailTo } from '../testing/mail';
import { createTestPlatform } from '../testing/platform';
import { failure } from '../testing/assertions';
import {
	getSessionUser,
	MAIL_REQUEST_LIMITS,
	requestPasswordReset,
	resendVerification,
	resetPassword,
	signIn,
	signUp,
	SIGN_IN_LIMITS,
	verifyEmail
} from './accounts.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

let counter = 0;
const newEmail = () => `person${++counter}-${Date.now()}@example.org`;

const expectAppError = failure;

async function trySignIn(email: string, password: string, address = '203.0.113.7', cookie = '') {
	const cookies = cookieJar();
	const ctx = await contextFor(platform, null);
	await signIn(ctx, { email, password }, { address, headers: new Headers(cookie ? { cookie } : {}), cookies });
	return cookies;
}

const form = (email: string, extra: Record<string, string> = {}) => ({
	name: 'Dana Incoming',
	email,
	password: 'a long and quiet river',
	passwordConfirm: 'a long and quiet river',
	personKind: 'researcher',
	locale: 'ru',
	...extra
});

describe('signing up', () => {
	it('creates an unconfirmed account and mails a confirmation link in the person’s language', async () => {
		const email = newEmail();
		await signUp(await contextFor(platform, null), form(email));
		const mail = await lastMailTo(platform.db, email, 'verify_email');
		expect(mail?.locale).toBe('ru');
		expect(mail?.subject).toMatch(/[а-я]/i);
		expect(mail?.url).toContain('http://localhost:3999/ru/verify-email?token=');
		const error = await expectAppError(trySignIn(email, 'a long and quiet river'));
		expect(error.messageKey).toBe('error_email_not_verified');
	});

	it('refuses an address that already has an account and leaves that account as it was', async () => {
		const existing = await makeUser(platform);
		const error = await expectAppError(signUp(await contextFor(platform, null), form(existing.email.toUpperCase())));
		expect(error.fields.email).toBe('error_email_taken');
		const cookies = await trySignIn(existing.email, TEST_PASSWORD);
		expect(cookies.jar.size).toBeGreaterThan(0);
	});
});

describe('sending the sign-up form twice', () => {
	it('creates one account and one confirmation mail, and answers both submits alike', async () => {
		const email = newEmail();
		const ctx = await contextFor(platform, null);
		const [first, second] = await Promise.all([signUp(ctx, form(email)), signUp(ctx, form(email))]);
		expect(first).toEqual({ email });
		expect(second).toEqual({ email });
		expect(await signUp(ctx, form(email))).toEqual({ email });
		const users = await platform.db.select().from(user).where(eq(user.email, email));
		expect(users).toHaveLength(1);
		const mails = await platform.db.select().from(mailMessage).where(eq(mailMessage.to, email));
		expect(mails).toHaveLength(1);
	});

	it('still refuses the address to someone else (another name)', async () => {
		const email = newEmail();
		const ctx = await contextFor(platform, null);
		await signUp(ctx, form(email));
		const error = await expectAppError(signUp(ctx, form(email, { name: 'Somebody Else' })));
		expect(error.fields.email).toBe('error_email_taken');
	});
});

describe('confirming an e-mail address', () => {
	it('confirms once, then says the link was already used, and lets the person sign in', async () => {
		const email = newEmail();
		await signUp(await contextFor(platform, null), form(email));
		const { token } = (await lastMailTo(platform.db, email, 'verify_email'))!;
		const ctx = await contextFor(platform, null);
		expect(await verifyEmail(ctx, token)).toBe('verified');
		expect(await verifyEmail(ctx, token)).toBe('already_verified');
		const cookies = await trySignIn(email, 'a long and quiet river');
		expect(cookies.jar.size).toBeGreaterThan(0);
	});

	it('refuses a tampered link', async () => {
		const email = newEmail();
		await signUp(await contextFor(platform, null), form(email));
		const { token } = (await lastMailTo(platform.db, email, 'verify_email'))!;
		const error = await expectAppError(verifyEmail(await contextFor(platform, null), token.slice(0, -3) + 'abc'));
		expect(error.messageKey).toBe('error_token_invalid');
	});

	it('refuses a link older than a day', async () => {
		const email = newEmail();
		await signUp(await contextFor(platform, null), form(email));
		const { token } = (await lastMailTo(platform.db, email, 'verify_email'))!;
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			vi.setSystemTime(Date.now() + 25 * 60 * 60_000);
			const error = await expectAppError(verifyEmail(await contextFor(platform, null), token));
			expect(error.messageKey).toBe('error_token_expired');
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('signing in', () => {
	it('sets a session cookie that identifies the person, and a tampered cookie identifies no one', async () => {
		const person = await makeUser(platform, { locale: 'zh' });
		const cookies = await trySignIn(person.email, TEST_PASSWORD);
		const sessionUser = await getSessionUser(platform, new Headers({ cookie: cookies.header() }));
		expect(sessionUser).toMatchObject({ email: person.email, locale: 'zh' });
		const tampered = cookies.header().replace(/=([^.;]+)/, '=forged$1');
		expect(await getSessionUser(platform, new Headers({ cookie: tampered }))).toBeNull();
	});

	it('says the same for a wrong password and an unknown address', async () => {
		const person = await makeUser(platform);
		const wrong = await expectAppError(trySignIn(person.email, 'not the password at all', '198.51.100.1'));
		const unknown = await expectAppError(trySignIn(newEmail(), 'not the password at all', '198.51.100.1'));
		expect(wrong.messageKey).toBe('error_sign_in_failed');
		expect(unknown.messageKey).toBe('error_sign_in_failed');
	});

	it(`blocks an address after ${SIGN_IN_LIMITS.perEmail} failures, even with the right password`, async () => {
		const person = await makeUser(platform);
		for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
			await expectAppError(trySignIn(person.email, `wrong password ${i}`, `192.0.2.${i}`));
		}
		const blocked = await expectAppError(trySignIn(person.email, TEST_PASSWORD, '192.0.2.200'));
		expect(blocked.messageKey).toBe('error_too_many_attempts');
		expect(blocked.status).toBe(429);
	});
});

describe('sign-in limits', () => {
	it('checks at most the limit of simultaneous wrong passwords for one account', async () => {
		const person = await makeUser(platform);
		const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => expectAppError(trySignIn(person.email, `wrong guess ${i}`, `192.0.2.${100 + i}`))));
		const checked = outcomes.filter((e) => e.messageKey === 'error_sign_in_failed').length;
		expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.perEmail);
		expect(outcomes.filter((e) => e.messageKey === 'error_too_many_attempts').length).toBe(10 - checked);
	});

	it('lets the owner in from a browser they signed in with before, while guessers are locked out', async () => {
		const person = await makeUser(platform);
		const device = (await trySignIn(person.email, TEST_PASSWORD, '198.51.100.20')).header();
		expect(device).toContain('welcome.device=');
		for (let i = 0; i <= SIGN_IN_LIMITS.perEmail; i++) await expectAppError(trySignIn(person.email, `guess ${i}`, '203.0.113.99'));
		expect((await expectAppError(trySignIn(person.email, TEST_PASSWORD, '203.0.113.98'))).messageKey).toBe('error_too_many_attempts');
		expect((await trySignIn(person.email, TEST_PASSWORD, '198.51.100.20', device)).jar.size).toBeGreaterThan(0);
		// The cookie is bound to its account: it does not open another one.
		const other = await makeUser(platform);
		for (let i = 0; i <= SIGN_IN_LIMITS.perEmail; i++) await expectAppError(trySignIn(other.email, `guess ${i}`, '203.0.113.97'));
		expect((await expectAppError(trySignIn(other.email, TEST_PASSWORD, '198.51.100.20', device))).messageKey).toBe('error_too_many_attempts');
	});

	it('does not lock out everyone behind one busy address after a few typos', async () => {
		const address = '192.0.2.250';
		for (let i = 0; i < 30; i++) await expectAppError(trySignIn(newEmail(), 'a typo somewhere', address));
		const person = await makeUser(platform);
		expect((await trySignIn(person.email, TEST_PASSWORD, address)).jar.size).toBeGreaterThan(0);
	});
});

describe('mails on request', () => {
	it('sends at most three password resets an hour to one address, answering the same', async () => {
		const person = await makeUser(platform);
		for (let i = 0; i < 5; i++) await requestPasswordReset(await contextFor(platform, null), { email: person.email }, { address: `192.0.2.${60 + i}` });
		const sent = await platform.db.select().from(mailMessage).where(eq(mailMessage.to, person.email));
		expect(sent.filter((m) => m.template === 'reset_password')).toHaveLength(MAIL_REQUEST_LIMITS.perEmail);
	});

	it('tells one client that sends too many to wait', async () => {
		const ctx = await contextFor(platform, null);
		for (let i = 0; i < MAIL_REQUEST_LIMITS.perClient; i++) await resendVerification(ctx, { email: newEmail() }, { address: '192.0.2.77' });
		expect((await expectAppError(resendVerification(ctx, { email: newEmail() }, { address: '192.0.2.77' }))).status).toBe(429);
	});

	it('puts nothing the sign-up form said into the mail to the unconfirmed address', async () => {
		const email = newEmail();
		await signUp(await contextFor(platform, null), form(email, { name: 'URGENT: confirm at http://evil.example/x' }));
		const mail = (await lastMailTo(platform.db, email, 'verify_email'))!;
		expect(mail.text).not.toContain('evil.example');
		expect(mail.html).not.toContain('URGENT');
	});
});

describe('resetting a password', () => {
	it('mails a link that sets a new password once', async () => {
		const person = await makeUser(platform, { locale: 'kk' });
		await requestPasswordReset(await contextFor(platform, null), { email: person.email }, { address: '192.0.2.1' });
		const mail = (await lastMailTo(platform.db, person.email, 'reset_password'))!;
		expect(mail.locale).toBe('kk');
		expect(mail.url).toContain('/kk/reset-password?token=');

		const ctx = await contextFor(platform, null);
		await resetPassword(ctx, { token: mail.token, password: 'new mountain pass 42', passwordConfirm: 'new mountain pass 42' });
		await expectAppError(trySignIn(person.email, TEST_PASSWORD, '192.0.2.50'));
		expect((await trySignIn(person.email, 'new mountain pass 42', '192.0.2.51')).jar.size).toBeGreaterThan(0);

		const reused = await expectAppError(
			resetPassword(ctx, { token: mail.token, password: 'another long phrase', passwordConfirm: 'another long phrase' })
		);
		expect(reused.messageKey).toBe('error_token_invalid');
	});

	it('answers the same for an unknown address and sends nothing', async () => {
		const email = newEmail();
		await requestPasswordReset(await contextFor(platform, null), { email }, { address: '192.0.2.1' });
		expect(await lastMailTo(platform.db, email, 'reset_password')).toBeNull();
	});
});

describe('the audit trail of accounts', () => {
	it('records confirmations and password resets', async () => {
		const { listAuditEvents } = await import('../audit/audit.service');
		const email = newEmail();
		await signUp(await contextFor(platform, null), form(email));
		await verifyEmail(await contextFor(platform, null), (await lastMailTo(platform.db, email, 'verify_email'))!.token);
		await requestPasswordReset(await contextFor(platform, null), { email }, { address: '192.0.2.1' });
		const { token } = (await lastMailTo(platform.db, email, 'reset_password'))!;
		await resetPassword(await contextFor(platform, null), { token, password: 'the quiet harbour lights', passwordConfirm: 'the quiet harbour lights' });

		const admin = await makeUser(platform, { platformRole: 'platform_admin' });
		const { events } = await listAuditEvents(await contextFor(platform, admin.id));
		const mine = events.filter((e) => e.actorEmail === email || e.changes.email?.to === email).map((e) => e.action);
		expect(mine).toEqual(expect.arrayContaining(['user.sign_up', 'user.verify_email', 'user.reset_password']));
	});
});
