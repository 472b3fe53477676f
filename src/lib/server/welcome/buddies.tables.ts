import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.tables';
import { institution } from '../institutions/institutions.tables';

/** A local student who volunteers as a buddy for incoming people. */
export const buddy = pgTable(
	'buddy',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		name: text().notNull(),
		email: text().notNull(),
		languages: text().array().notNull().default([]),
		interests: text().notNull().default(''),
		/** How many incoming people they are ready to help at once. */
		capacity: integer().notNull().default(2),
		active: boolean().notNull().default(true),
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('buddy_institution_email_uq').on(t.institutionId, t.email)]
);

/** An incoming person and their buddy at one institution. */
export const buddyMatch = pgTable(
	'buddy_match',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		buddyId: uuid()
			.notNull()
			.references(() => buddy.id, { onDelete: 'cascade' }),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		matchedById: text().references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('buddy_match_person_uq').on(t.institutionId, t.userId), index('buddy_match_buddy_idx').on(t.buddyId), index('buddy_match_matched_by_id_idx').on(t.matchedById), index('buddy_match_user_id_idx').on(t.userId)]
);
