import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { institution } from '../institutions/institutions.tables';
import { partner } from '../partners/partners.tables';
import { oneOf } from '../platform/sql-checks';
import type { AgreementContent } from './agreement-content';
import type { Iia } from './iia';

export const AGREEMENT_KINDS = ['erasmus', 'bilateral', 'mou'] as const;

/**
 * An inter-institutional agreement of one institution with one partner. Its content (both
 * sides, cooperation conditions) is in the IIA v7 shape and every save is a version
 * (`agreement_version`); the row keeps the current one, the columns the list filters on, the
 * approvals and the partner's copy.
 */
export const agreement = pgTable(
	'agreement',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		partnerId: uuid()
			.notNull()
			.references(() => partner.id, { onDelete: 'restrict' }),
		/** erasmus (an Erasmus+ IIA) | bilateral (an exchange agreement outside Erasmus+) | mou. */
		kind: text().notNull(),
		/** Our iia-id: fixed for the agreement's life. */
		iiaId: text().notNull(),
		content: jsonb().$type<AgreementContent>().notNull(),
		/** The current version's number and its iia-hash. */
		version: integer().notNull().default(1),
		hash: text().notNull(),
		// What the list filters on, kept from the content at every save.
		partnerCountry: text().notNull(),
		firstYear: integer().notNull(),
		lastYear: integer().notNull(),
		mobilityKinds: text().array().notNull().default(sql`'{}'::text[]`),
		subjectAreas: text().array().notNull().default(sql`'{}'::text[]`),
		terminated: boolean().notNull().default(false),
		// We approved: the hash and what it was of (the partner's copy, or our version when the partner has none).
		ourApprovalHash: text(),
		ourApprovalVersion: integer(),
		ourApprovalAt: timestamp({ withTimezone: true }),
		ourApprovalBy: text(),
		// The partner approved our version (recorded by staff until EWP brings it).
		partnerApprovalHash: text(),
		partnerApprovalVersion: integer(),
		partnerApprovalAt: timestamp({ withTimezone: true }),
		partnerApprovalBy: text(),
		partnerApprovalNote: text(),
		// The partner's copy, imported from its IIA get response file.
		partnerCopy: jsonb().$type<Iia>(),
		partnerCopyXml: text(),
		partnerCopyHash: text(),
		partnerCopyValidForApproval: boolean(),
		partnerCopyAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('agreement_iia_id_uq').on(t.institutionId, t.iiaId),
		index('agreement_institution_last_year_idx').on(t.institutionId, t.lastYear),
		index('agreement_partner_idx').on(t.partnerId),
		check('agreement_kind_check', oneOf(t.kind, AGREEMENT_KINDS))
	]
);

/** Every save of an agreement: who, when, the content and its hash. */
export const agreementVersion = pgTable(
	'agreement_version',
	{
		id: uuid().primaryKey().defaultRandom(),
		agreementId: uuid()
			.notNull()
			.references(() => agreement.id, { onDelete: 'cascade' }),
		institutionId: uuid().notNull(),
		number: integer().notNull(),
		content: jsonb().$type<AgreementContent>().notNull(),
		hash: text().notNull(),
		authorId: text(),
		authorEmail: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('agreement_version_number_uq').on(t.agreementId, t.number)]
);
