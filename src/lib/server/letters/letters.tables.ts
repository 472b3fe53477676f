import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '$lib/i18n/localized-text';
import { user } from '../auth/auth.tables';
import { institution } from '../institutions/institutions.tables';
import { welcomeCase } from '../welcome/cases.tables';

/**
 * An institution's wording of a letter (invitation, enrolment, arrival) in each language, and
 * who signs it. Without a row, the platform's default wording is used.
 */
export const letterTemplate = pgTable(
	'letter_template',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		kind: text().notNull(),
		title: jsonb().$type<LocalizedText>().notNull(),
		body: jsonb().$type<LocalizedText>().notNull(),
		signatoryName: text().notNull().default(''),
		signatoryTitle: jsonb().$type<LocalizedText>().notNull().default({}),
		version: integer().notNull().default(1),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('letter_template_institution_kind_uq').on(t.institutionId, t.kind)]
);

/** What the public verification page shows of a letter: enough to match it, nothing more. */
export interface VerifiedFacts {
	name: string;
	title: string;
	stay: string;
}

/**
 * Every letter issued: its verification code (printed on it), what it says (a fingerprint of
 * its text), to whom, by whom, and whether it was withdrawn.
 */
export const issuedLetter = pgTable(
	'issued_letter',
	{
		id: uuid().primaryKey().defaultRandom(),
		code: text().notNull(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		caseId: uuid().references(() => welcomeCase.id, { onDelete: 'set null' }),
		kind: text().notNull(),
		locale: text().notNull(),
		facts: jsonb().$type<VerifiedFacts>().notNull(),
		/** SHA-256 of the letter's text, to tell a genuine letter from an altered copy. */
		textSha256: text().notNull(),
		documentId: uuid(),
		issuedById: text().references(() => user.id, { onDelete: 'set null' }),
		issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		revokedAt: timestamp({ withTimezone: true }),
		revokedReason: text(),
		/** What an authority assigned to the letter after it was issued, e.g. the migration service's
		 * registration number of a Kazakh invitation, which the applicant gives the consulate. */
		authorityReference: text(),
		authorityReferenceAt: timestamp({ withTimezone: true })
	},
	(t) => [uniqueIndex('issued_letter_code_uq').on(t.code), index('issued_letter_case_idx').on(t.caseId), index('issued_letter_institution_id_idx').on(t.institutionId), index('issued_letter_issued_by_id_idx').on(t.issuedById)]
);
