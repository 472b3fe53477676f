import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { isLocale, type Locale } from '$lib/i18n/locales';
import type { Db } from '../db/database';
import type { Mailer } from '../mail/mailer';
import type { Logger } from '../platform/logger';
import { recordOwnAccountEvent } from '../audit/audit.service';
import { account, session, user, verification } from './auth.tables';
import { SESSION_COOKIE_PREFIX } from '../platform/session-cookie';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/**
 * better-auth owns credentials, sessions and tokens: scrypt password hashes (memory-hard),
 * signed HTTP-only session cookies, e-mail verification and reset tokens. Our forms call
 * `auth.api.*` on the server (no client library, no JavaScript needed); its HTTP handler is
 * not mounted.
 */
export function createAuth(options: {
	db: Db;
	secret: string;
	origin: string;
	production: boolean;
	mailer: Mailer;
	logger: Logger;
}) {
	const localeOf = (u: object): Locale => {
		const locale = (u as { locale?: unknown }).locale;
		return isLocale(locale) ? locale : 'en';
	};
	return betterAuth({
		appName: 'WELCOME',
		baseURL: options.origin,
		secret: options.secret,
		database: drizzleAdapter(options.db, { provider: 'pg', schema: { user, session, account, verification } }),
		telemetry: { enabled: false },
		// Sign-in attempts are limited in accounts.service (forms call the API directly, which
		// better-auth's HTTP rate limiter never sees).
		rateLimit: { enabled: false },
		emailAndPassword: {
			enabled: true,
			minPasswordLength: MIN_PASSWORD_LENGTH,
			maxPasswordLength: MAX_PASSWORD_LENGTH,
			requireEmailVerification: true,
			autoSignIn: false,
			resetPasswordTokenExpiresIn: 60 * 60,
			revokeSessionsOnPasswordReset: true,
			onPasswordReset: async ({ user: u }) => {
				await recordOwnAccountEvent(options.db, u, 'user.reset_password');
			},
			sendResetPassword: async ({ user: u, token }) => {
				const locale = localeOf(u);
				await options.mailer.send(options.db, {
					to: u.email,
					template: 'reset_password',
					locale,
					// No text the account's creator typed: the address may not be theirs (not yet confirmed).
					params: { url: `${options.origin}/${locale}/reset-password?token=${encodeURIComponent(token)}` }
				});
			}
		},
		emailVerification: {
			sendOnSignUp: true,
			sendOnSignIn: true,
			autoSignInAfterVerification: false,
			expiresIn: 60 * 60 * 24,
			afterEmailVerification: async (u) => {
				await recordOwnAccountEvent(options.db, u, 'user.verify_email', { emailVerified: { from: false, to: true } });
			},
			sendVerificationEmail: async ({ user: u, token }) => {
				const locale = localeOf(u);
				await options.mailer.send(options.db, {
					to: u.email,
					template: 'verify_email',
					locale,
					// No text the person typed (their name): this mail goes to an address nobody has confirmed.
					params: { url: `${options.origin}/${locale}/verify-email?token=${encodeURIComponent(token)}` }
				});
			}
		},
		user: {
			additionalFields: {
				locale: { type: 'string', required: false, defaultValue: 'en', input: true },
				personKind: { type: 'string', required: false, input: true },
				platformRole: { type: 'string', required: false, input: false },
				isDemo: { type: 'boolean', required: false, defaultValue: false, input: false }
			}
		},
		session: {
			expiresIn: 60 * 60 * 24 * 30,
			updateAge: 60 * 60 * 24
		},
		advanced: {
			// The session and its user in one query on every signed-in request, not two.
			database: { joins: true },
			cookiePrefix: SESSION_COOKIE_PREFIX,
			useSecureCookies: options.production && options.origin.startsWith('https://'),
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' }
		},
		logger: {
			log: (level, message, ...args) => {
				const fn = level === 'error' ? options.logger.error : level === 'warn' ? options.logger.warn : options.logger.debug;
				fn(`auth: ${message}`, args.length ? { args } : undefined);
			}
		}
	});
}

export type Auth = ReturnType<typeof createAuth>;
