import { relations, sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, integer } from 'drizzle-orm/pg-core';
import { LOCALES } from '../../i18n/locales';
import { PLATFORM_ROLES } from '../access/policy';
import { oneOf } from '../platform/sql-checks';

/**
 * Tables that better-auth reads and writes (its "user", "session", "account" and
 * "verification" models), plus the platform's own columns on the user.
 */
export const user = pgTable('user', {
	id: text().primaryKey(),
	name: text().notNull(),
	email: text().notNull().unique(),
	emailVerified: boolean().notNull().default(false),
	image: text(),
	/** The language of the UI, and of the e-mails this person receives. */
	locale: text().notNull().default('en'),
	/** 'platform_admin' | 'consortium_member' | null (see access/roles.ts). */
	platformRole: text(),
	/** For incoming people: 'student' | 'staff' | 'researcher'; null for institution staff. */
	personKind: text(),
	isDemo: boolean().notNull().default(false),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
}, (t) => [check('user_locale_check', oneOf(t.locale, LOCALES)), check('user_platform_role_check', sql`${t.platformRole} is null or ${oneOf(t.platformRole, PLATFORM_ROLES)}`)]);

export const session = pgTable(
	'session',
	{
		id: text().primaryKey(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		token: text().notNull().unique(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		ipAddress: text(),
		userAgent: text(),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' })
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

export const account = pgTable(
	'account',
	{
		id: text().primaryKey(),
		accountId: text().notNull(),
		providerId: text().notNull(),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		accessToken: text(),
		refreshToken: text(),
		idToken: text(),
		accessTokenExpiresAt: timestamp({ withTimezone: true }),
		refreshTokenExpiresAt: timestamp({ withTimezone: true }),
		scope: text(),
		password: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('account_user_idx').on(t.userId)]
);

export const verification = pgTable(
	'verification',
	{
		id: text().primaryKey(),
		identifier: text().notNull(),
		value: text().notNull(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('verification_identifier_idx').on(t.identifier)]
);

/** Failed sign-in attempts, counted per e-mail and per client address (rate limiting). */
export const signInAttempt = pgTable(
	'sign_in_attempt',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		key: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('sign_in_attempt_key_at_idx').on(t.key, t.at)]
);

/** The session and its user, the user and their accounts: better-auth reads them together (`advanced.database.joins`). */
export const sessionRelations = relations(session, ({ one }) => ({ user: one(user, { fields: [session.userId], references: [user.id] }) }));
export const accountRelations = relations(account, ({ one }) => ({ user: one(user, { fields: [account.userId], references: [user.id] }) }));
export const userRelations = relations(user, ({ many }) => ({ sessions: many(session), accounts: many(account) }));
