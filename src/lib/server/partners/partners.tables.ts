import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '$lib/i18n/localized-text';
import { institution } from '../institutions/institutions.tables';

/**
 * An institution's partner directory: the higher education institutions it cooperates with,
 * by their EWP hei-id. A partner that is on the platform links to it (and starts as a copy of
 * its profile); the directory also holds an entry for the institution itself, whose units and
 * contacts are "our side" of its agreements.
 */
export const partner = pgTable(
	'partner',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** Whose directory this entry is in. */
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		/** SCHAC code (upc.edu). */
		heiId: text().notNull(),
		erasmusCode: text(),
		name: jsonb().$type<LocalizedText>().notNull(),
		/** ISO 3166-1 alpha-2. */
		countryCode: text().notNull(),
		city: jsonb().$type<LocalizedText>().notNull().default({}),
		website: text(),
		/** The institution on the platform this partner is, when it is one. */
		platformInstitutionId: uuid().references(() => institution.id, { onDelete: 'set null' }),
		/** Optimistic locking: bumped by every update. */
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('partner_institution_hei_uq').on(t.institutionId, t.heiId),
		index('partner_institution_country_idx').on(t.institutionId, t.countryCode),
		index('partner_platform_institution_idx').on(t.platformInstitutionId)
	]
);

/** A faculty, department or office of a partner, with its EWP ounit-id. */
export const partnerUnit = pgTable(
	'partner_unit',
	{
		id: uuid().primaryKey().defaultRandom(),
		partnerId: uuid()
			.notNull()
			.references(() => partner.id, { onDelete: 'cascade' }),
		institutionId: uuid().notNull(),
		/** EWP ounit-id: printable ASCII, no spaces, 64 at most. */
		ounitId: text().notNull(),
		/** The unit's own short code (ounit-code), e.g. ETSEIB. */
		code: text(),
		name: jsonb().$type<LocalizedText>().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('partner_unit_ounit_uq').on(t.partnerId, t.ounitId)]
);

/** A person to deal with at a partner (or one of its units), with their roles. */
export const partnerContact = pgTable(
	'partner_contact',
	{
		id: uuid().primaryKey().defaultRandom(),
		partnerId: uuid()
			.notNull()
			.references(() => partner.id, { onDelete: 'cascade' }),
		institutionId: uuid().notNull(),
		unitId: uuid().references(() => partnerUnit.id, { onDelete: 'set null' }),
		name: text().notNull(),
		email: text(),
		/** E.164, e.g. +34934016200. */
		phone: text(),
		/** What they do for the partnership ($lib/partners/contact-roles.ts). */
		roles: text().array().notNull().default([]),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('partner_contact_partner_idx').on(t.partnerId), index('partner_contact_unit_idx').on(t.unitId)]
);
