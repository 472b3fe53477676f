import { boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '$lib/i18n/localized-text';
import type { DocumentRequest, Question } from '$lib/welcome/service-form';
import { institution } from '../institutions/institutions.tables';

/**
 * A service of an institution's welcome centre (invitation letter, airport pickup, …): who may
 * ask for it, the questions and documents it needs (designed by the institution's admins,
 * $lib/welcome/service-form.ts), and the turnaround it promises in working days.
 */
export const welcomeService = pgTable(
	'welcome_service',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		/** Stable name within the institution (e.g. airport_pickup). */
		code: text().notNull(),
		name: jsonb().$type<LocalizedText>().notNull(),
		description: jsonb().$type<LocalizedText>().notNull().default({}),
		/** Who may request it: student, staff, researcher, family. */
		audiences: text().array().notNull(),
		questions: jsonb().$type<Question[]>().notNull().default([]),
		documents: jsonb().$type<DocumentRequest[]>().notNull().default([]),
		turnaroundDays: integer().notNull(),
		active: boolean().notNull().default(true),
		position: integer().notNull().default(0),
		isDemo: boolean().notNull().default(false),
		/** Optimistic locking: bumped by every save. */
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('welcome_service_institution_code_uq').on(t.institutionId, t.code)]
);
