import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, count, eq, gt, inArray, lt, or } from 'drizzle-orm';
import { APIError } from 'better-auth/api';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';
import type { Locale } from '$lib/i18n/locales';
import type { MessageKey } from '$lib/i18n/messages';
import type { PlatformRole } from '../access/policy';
import { recordAudit, diffFields } from '../audit/audit.service';
import type { Db } from '../db/database';
import { AppError, invalidInput, unauthenticated } from '../platform/errors';
import { inTransaction, type Platform, type ServiceContext } from '../platform/context';
import { parseInput } from '../platform/validation';
import { signInAttempt, user } from './auth.tables';
import { profileSchema, resetPasswordSchema, signInSchema, signUpSchema, emailSchema } from './accounts.schemas';

/** The subset of SvelteKit's `cookies` the auth flows need (tests pass a plain jar). */
export interface CookieJar {
	set(name: string, value: string, options: { path: string } & Record<string, unknown>): void;
}

/**
 * Failed sign-ins allowed in the window, per account (or per trusted device of the account)
 * and per client address. The address limit is high: a whole campus may share one address.
 */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perEmail: 5, perClient: 100 };

function fromAuthError(error: unknown, fallback: MessageKey = 'error_generic'): AppError {
	if (error instanceof AppError) return error;
	if (!(error instanceof APIError)) throw error;
	const code = (error.body as { code?: string } | undefined)?.code;
	switch (code) {
		case 'USER_ALREADY_EXISTS':
		case 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL':
			return invalidInput({ email: 'error_email_taken' });
		case 'INVALID_EMAIL':
			return invalidInput({ email: 'error_email_invalid' });
		case 'PASSWORD_TOO_SHORT':
			return invalidInput({ password: 'error_password_too_short' });
		case 'PASSWORD_TOO_LONG':
			return invalidInput({ password: 'error_password_too_long' });
		case 'INVALID_EMAIL_OR_PASSWORD':
			return new AppError('sign_in_failed', 'error_sign_in_failed');
		case 'EMAIL_NOT_VERIFIED':
			return new AppError('unconfirmed', 'error_email_not_verified');
		case 'INVALID_TOKEN':
			return new AppError('token_invalid', 'error_token_invalid');
		case 'TOKEN_EXPIRED':
			return new AppError('token_invalid', 'error_token_expired');
		default:
			return new AppError('invalid_input', fallback);
	}
}

function applyCookies(headers: Headers | undefined, cookies: CookieJar) {
	const header = headers?.get('set-cookie');
	if (!header) return;
	for (const [name, attributes] of parseSetCookieHeader(header)) {
		cookies.set(name, attributes.value, { ...toCookieOptions(attributes), path: attributes.path || '/' });
	}
}

export async function signUp(ctx: ServiceContext, input: Record<string, unknown>) {
	const data = parseInput(signUpSchema, input);
	// better-auth answers a taken address with a silent success when verification is required;
	// people asked for a clear message instead (the sign-in limits still stop guessing).
	if (await isRepeatedSignUp(ctx.db, data)) return { email: data.email };
	try {
		const result = await ctx.auth.api.signUpEmail({
			body: { name: data.name, email: data.email, password: data.password, locale: data.locale, personKind: data.personKind }
		});
		await recordAudit({ ...ctx, actor: null }, {
			entityType: 'user',
			entityId: result.user.id,
			action: 'user.sign_up',
			changes: diffFields(null, { name: data.name, email: data.email, personKind: data.personKind })
		});
		return { email: data.email };
	} catch (error) {
		// Two submits at once: the unique e-mail lets one through; answer the other the same way.
		if (await isRepeatedSignUp(ctx.db, data)) return { email: data.email };
		throw fromAuthError(error);
	}
}

/** Minutes during which the same sign-up sent again is taken as a repeat, not a new request. */
const REPEAT_WINDOW_MINUTES = 10;

/**
 * A taken address is refused with a clear message, except when it is this very sign-up sent
 * twice (double click, back and resubmit): same name, still unconfirmed, just created. Then the
 * answer is the same "check your e-mail" as the first time, and nothing new is created.
 */
async function isRepeatedSignUp(db: Db, data: { email: string; name: string }) {
	const [taken] = await db
		.select({ name: user.name, emailVerified: user.emailVerified, createdAt: user.createdAt })
		.from(user)
		.where(eq(user.email, data.email));
	if (!taken) return false;
	const recent = taken.createdAt.getTime() > Date.now() - REPEAT_WINDOW_MINUTES * 60_000;
	if (!taken.emailVerified && recent && taken.name === data.name) return true;
	// better-auth answers a taken address with a silent success when verification is required;
	// people asked for a clear message instead (the sign-in limits still stop guessing).
	throw invalidInput({ email: 'error_email_taken' });
}

async function recentAttempts(db: Db, key: string, windowMinutes = SIGN_IN_LIMITS.windowMinutes) {
	const since = new Date(Date.now() - windowMinutes * 60_000);
	const [row] = await db
		.select({ n: count() })
		.from(signInAttempt)
		.where(and(eq(signInAttempt.key, key), gt(signInAttempt.at, since)));
	return row?.n ?? 0;
}

export async function signIn(
	ctx: ServiceContext,
	input: Record<string, unknown>,
	client: { address: string; headers: Headers; cookies: CookieJar }
) {
	const data = parseInput(signInSchema, input);
	const secret = (await ctx.auth.$context).secret;
	// A browser that signed in to this account before carries a device cookie (OWASP's "device
	// cookies"): its attempts are counted on their own, so neither someone guessing this
	// account's password nor a busy campus network behind one address locks its owner out.
	const device = trustedDevice(client.headers.get('cookie'), data.email, secret);
	const emailKey = device ? `device:${device}` : `email:${data.email}`;
	const clientKey = `client:${client.address}`;
	// Each attempt is written before it is judged, so simultaneous guesses count each other:
	// at most the limit of them reach the password check.
	const attempts = await ctx.db.insert(signInAttempt).values(device ? [{ key: emailKey }] : [{ key: emailKey }, { key: clientKey }]).returning({ id: signInAttempt.id });
	const [sameAccount, sameClient] = await Promise.all([recentAttempts(ctx.db, emailKey), device ? 0 : recentAttempts(ctx.db, clientKey)]);
	if (sameAccount > SIGN_IN_LIMITS.perEmail || sameClient > SIGN_IN_LIMITS.perClient) {
		throw new AppError('rate_limited', 'error_too_many_attempts');
	}
	try {
		const { headers, response } = await ctx.auth.api.signInEmail({
			body: { email: data.email, password: data.password, rememberMe: true },
			headers: client.headers,
			returnHeaders: true
		});
		applyCookies(headers, client.cookies);
		client.cookies.set(DEVICE_COOKIE, deviceCookie(data.email, secret), { path: '/', maxAge: 60 * 60 * 24 * 365, httpOnly: true, sameSite: 'lax', secure: ctx.config.production });
		// A success forgives this account's failures and does not count against the address.
		await ctx.db.delete(signInAttempt).where(or(eq(signInAttempt.key, emailKey), inArray(signInAttempt.id, attempts.map((a) => a.id))));
		return { personKind: (response.user as { personKind?: string | null }).personKind ?? null };
	} catch (error) {
		const appError = fromAuthError(error);
		// Only wrong passwords count: anything else (an unconfirmed address) forgets the attempt.
		if (appError.messageKey !== 'error_sign_in_failed') await ctx.db.delete(signInAttempt).where(inArray(signInAttempt.id, attempts.map((a) => a.id)));
		// Old rows are of no use; keep the table small.
		else await ctx.db.delete(signInAttempt).where(lt(signInAttempt.at, new Date(Date.now() - 24 * 60 * 60_000)));
		throw appError;
	}
}

const DEVICE_COOKIE = 'welcome.device';

/** A device cookie: a random id, the account it signed in to, and a signature over both. */
function deviceCookie(email: string, secret: string) {
	const id = randomBytes(12).toString('base64url');
	return `${id}.${deviceSignature(id, email, secret)}`;
}

const deviceSignature = (id: string, email: string, secret: string) => createHmac('sha256', secret).update(`device:${id}:${email}`).digest('base64url');

/** The device id when the request carries a device cookie issued for this account. */
function trustedDevice(cookieHeader: string | null, email: string, secret: string) {
	const value = cookieHeader?.split(/;\s*/).find((c) => c.startsWith(`${DEVICE_COOKIE}=`))?.slice(DEVICE_COOKIE.length + 1);
	const [id, signature] = value?.split('.') ?? [];
	if (!id || !signature || id.length > 32) return null;
	const expected = Buffer.from(deviceSignature(id, email, secret));
	const given = Buffer.from(signature);
	return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

export async function signOut(ctx: ServiceContext, headers: Headers, cookies: CookieJar) {
	try {
		const result = await ctx.auth.api.signOut({ headers, returnHeaders: true });
		applyCookies(result.headers, cookies);
	} catch {
		// No valid session: already signed out.
	}
}

export type VerifyOutcome = 'verified' | 'already_verified';

export async function verifyEmail(ctx: ServiceContext, token: string): Promise<VerifyOutcome> {
	if (!token) throw new AppError('token_invalid', 'error_token_invalid');
	const email = emailInToken(token);
	const [before] = email ? await ctx.db.select({ v: user.emailVerified }).from(user).where(eq(user.email, email)) : [];
	try {
		await ctx.auth.api.verifyEmail({ query: { token } });
	} catch (error) {
		throw fromAuthError(error, 'error_token_invalid');
	}
	return before?.v ? 'already_verified' : 'verified';
}

/** The e-mail inside a verification token (a JWT), without trusting it: verifyEmail checks it. */
function emailInToken(token: string): string | null {
	try {
		const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
		return typeof payload.email === 'string' ? payload.email : null;
	} catch {
		return null;
	}
}

/** Mails sent on request to an address (confirmation, password reset): per address and per client, per hour. */
export const MAIL_REQUEST_LIMITS = { windowMinutes: 60, perEmail: 3, perClient: 20 };

/**
 * Counts a request for a mail. Over the client's limit the person is told to wait; over the
 * address's limit nothing is sent but the answer stays the same, so the form reveals nothing.
 */
async function mayMail(ctx: ServiceContext, kind: string, email: string, address: string) {
	const keys = [`${kind}:email:${email}`, `${kind}:client:${address}`];
	await ctx.db.insert(signInAttempt).values(keys.map((key) => ({ key })));
	const [perEmail, perClient] = await Promise.all(keys.map((key) => recentAttempts(ctx.db, key, MAIL_REQUEST_LIMITS.windowMinutes)));
	if (perClient! > MAIL_REQUEST_LIMITS.perClient) throw new AppError('rate_limited', 'error_too_many_attempts');
	return perEmail! <= MAIL_REQUEST_LIMITS.perEmail;
}

export async function resendVerification(ctx: ServiceContext, input: Record<string, unknown>, client: { address: string }) {
	const email = parseInput(emailSchema, input.email);
	if (!(await mayMail(ctx, 'verify', email, client.address))) return;
	try {
		await ctx.auth.api.sendVerificationEmail({ body: { email } });
	} catch {
		// Same answer whether or not the address has an account.
	}
}

/** Always answers the same, so the form does not reveal who has an account. */
export async function requestPasswordReset(ctx: ServiceContext, input: Record<string, unknown>, client: { address: string }) {
	const email = parseInput(emailSchema, input.email);
	if (!(await mayMail(ctx, 'reset', email, client.address))) return;
	try {
		await ctx.auth.api.requestPasswordReset({ body: { email } });
	} catch (error) {
		ctx.logger.warn('password reset request failed', { error });
	}
}

export async function resetPassword(ctx: ServiceContext, input: Record<string, unknown>) {
	const data = parseInput(resetPasswordSchema, input);
	try {
		await ctx.auth.api.resetPassword({ body: { token: data.token, newPassword: data.password } });
	} catch (error) {
		throw fromAuthError(error, 'error_token_invalid');
	}
}

export interface SessionUser {
	id: string;
	name: string;
	email: string;
	locale: string;
	platformRole: string | null;
	personKind: string | null;
}

/** The signed-in user for a request, or null (no cookie, expired, or tampered). */
export async function getSessionUser(platform: Platform, headers: Headers): Promise<SessionUser | null> {
	try {
		const result = await platform.auth.api.getSession({ headers });
		if (!result) return null;
		const u = result.user as typeof result.user & Partial<SessionUser>;
		return {
			id: u.id,
			name: u.name,
			email: u.email,
			locale: u.locale ?? 'en',
			platformRole: u.platformRole ?? null,
			personKind: u.personKind ?? null
		};
	} catch {
		return null;
	}
}

export async function updateOwnProfile(ctx: ServiceContext, input: Record<string, unknown>) {
	if (!ctx.actor) throw unauthenticated();
	const data = parseInput(profileSchema, input);
	const actor = ctx.actor;
	await inTransaction(ctx, async (tx) => {
		const [before] = await tx.db.select({ name: user.name, locale: user.locale }).from(user).where(eq(user.id, actor.userId));
		await tx.db.update(user).set({ ...data, updatedAt: new Date() }).where(eq(user.id, actor.userId));
		const changes = diffFields(before ?? null, data);
		if (Object.keys(changes).length) {
			await recordAudit(tx, { entityType: 'user', entityId: actor.userId, action: 'user.update_profile', changes });
		}
	});
	return data;
}

/**
 * Creates an account whose e-mail is already proven (demo data, the first admin, an accepted
 * invitation): no verification mail. The password is hashed by better-auth's own hasher.
 */
export async function createVerifiedUser(
	platform: Platform,
	data: {
		email: string;
		name: string;
		password: string;
		locale?: Locale;
		platformRole?: PlatformRole | null;
		personKind?: string | null;
		isDemo?: boolean;
	}
) {
	const context = await platform.auth.$context;
	const hash = await context.password.hash(data.password);
	const created = await context.internalAdapter.createUser({
		email: data.email.toLowerCase(),
		name: data.name,
		emailVerified: true,
		locale: data.locale ?? 'en',
		platformRole: data.platformRole ?? null,
		personKind: data.personKind ?? null,
		isDemo: data.isDemo ?? false
	}, { method: 'admin' });
	await context.internalAdapter.linkAccount({
		userId: created.id,
		providerId: 'credential',
		accountId: created.id,
		password: hash
	});
	return created;
}

export async function findUserIdsByEmail(db: Db, emails: string[]) {
	if (!emails.length) return [];
	return db.select({ id: user.id, email: user.email }).from(user).where(inArray(user.email, emails));
}

/** The signed-in person's own account as their copy of their data gives it. */
export async function ownAccountForCopy(ctx: ServiceContext) {
	if (!ctx.actor) throw unauthenticated();
	const actor = ctx.actor;
	const [account] = await ctx.db.select({ name: user.name, email: user.email, locale: user.locale, personKind: user.personKind, createdAt: user.createdAt }).from(user).where(eq(user.id, actor.userId));
	return account ?? null;
}

/**
 * Closes the signed-in person's account: sessions and credentials go with it (cascade). The
 * welcome module erases their data first (welcome/privacy.service.ts).
 */
export async function closeOwnAccount(ctx: ServiceContext) {
	if (!ctx.actor) throw unauthenticated();
	await ctx.db.delete(user).where(eq(user.id, ctx.actor.userId));
}
