import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { LOCALES } from '../../i18n/locales';
import { INSTITUTION_ROLES } from '../access/policy';
import { allOf, oneOf } from '../platform/sql-checks';
import type { LocalizedText } from '$lib/i18n/localized-text';
import { user } from '../auth/auth.tables';

/** The unit of ownership: every scoped record carries an institution_id. */
export const institution = pgTable(
	'institution',
	{
		id: uuid().primaryKey().defaultRandom(),
		slug: text().notNull().unique(),
		shortName: text().notNull(),
		/** The short name in other scripts (同济, Тунцзи); shortName where a language has none. */
		shortNames: jsonb().$type<LocalizedText>().notNull().default({}),
		name: jsonb().$type<LocalizedText>().notNull(),
		description: jsonb().$type<LocalizedText>().notNull().default({}),
		/** ISO 3166-1 alpha-2. */
		countryCode: text().notNull(),
		city: jsonb().$type<LocalizedText>().notNull(),
		defaultLocale: text().notNull().default('en'),
		/** Languages the institution offers content in (a subset of the UI locales). */
		locales: text().array().notNull().default(sql`'{en}'::text[]`),
		website: text(),
		/** SCHAC code, the institution's id in Erasmus Without Paper (enu.kz, upc.edu). */
		heiId: text().unique(),
		/** Erasmus institution code (E BARCELO03), for institutions that hold an ECHE. */
		erasmusCode: text(),
		/** The profile photo: an image of the institution's media library (media_asset.id). */
		photoId: uuid(),
		/** Where each translation of name, city and description came from (editing/translation-status.ts). */
		translationSources: jsonb().$type<Record<string, Partial<Record<string, string>>>>().notNull().default({}),
		isDemo: boolean().notNull().default(false),
		/** Optimistic locking: bumped by every update. */
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('institution_country_idx').on(t.countryCode), check('institution_default_locale_check', oneOf(t.defaultLocale, LOCALES)), check('institution_locales_check', allOf(t.locales, LOCALES))]
);

export const membership = pgTable(
	'membership',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** 'institution_admin' | 'staff' | 'editor' | 'translator' */
		role: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('membership_institution_user_uq').on(t.institutionId, t.userId),
		index('membership_user_idx').on(t.userId),
		check('membership_role_check', oneOf(t.role, INSTITUTION_ROLES))
	]
);

export const invitation = pgTable(
	'invitation',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		email: text().notNull(),
		role: text().notNull(),
		locale: text().notNull().default('en'),
		/** SHA-256 of the token in the link; the token itself is never stored. */
		tokenHash: text().notNull().unique(),
		invitedBy: text().references(() => user.id, { onDelete: 'set null' }),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		acceptedAt: timestamp({ withTimezone: true }),
		acceptedBy: text().references(() => user.id, { onDelete: 'set null' }),
		revokedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('invitation_role_check', oneOf(t.role, INSTITUTION_ROLES)),
		check('invitation_locale_check', oneOf(t.locale, LOCALES)),
		// One open invitation per person and institution: a double-submitted form creates one.
		uniqueIndex('invitation_open_uq')
			.on(t.institutionId, t.email)
			.where(sql`accepted_at is null and revoked_at is null`),
		index('invitation_accepted_by_idx').on(t.acceptedBy),
		index('invitation_invited_by_idx').on(t.invitedBy)
	]
);
