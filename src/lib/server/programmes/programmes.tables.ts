import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '$lib/i18n/localized-text';
import { institution } from '../institutions/institutions.tables';
import { editableChecks, editableColumns } from '../content/editable-columns';

export { ISCED_BROAD_FIELDS, PROGRAMME_LEVELS, START_TERMS, type ProgrammeLevel } from '$lib/programmes/taxonomy';

/** A study programme an institution offers to incoming people. */
export const programme = pgTable(
	'programme',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		/**
		 * The institution's country, copied on insert by the trigger `programme_country` (migration
		 * 0036) so that the finder's commonest filter, country and level, is one index range
		 * without a join. An institution's country is fixed when it is created.
		 */
		countryCode: text().notNull().default(''),
		slug: text().notNull(),
		title: jsonb().$type<LocalizedText>().notNull(),
		summary: jsonb().$type<LocalizedText>().notNull().default({}),
		level: text().notNull(),
		/** ISCED-F 2013 code: broad (2 digits), narrow (3) or detailed (4). */
		iscedCode: text().notNull(),
		/** Languages of instruction, ISO 639-1. */
		languages: text().array().notNull(),
		durationMonths: integer().notNull(),
		credits: integer(),
		/** Tuition per year in the institution's currency; 0 = free, null = unknown. */
		tuitionAmount: numeric({ mode: 'number' }),
		tuitionCurrency: text(),
		/**
		 * Tuition per year in euros at the rate of the day it was saved: one comparable column the
		 * finder filters and sorts on (the page shows the original amount).
		 */
		tuitionEur: numeric({ mode: 'number' }),
		startTerms: text().array().notNull().default(sql`'{autumn}'::text[]`),
		applicationOpens: date({ mode: 'string' }),
		applicationDeadline: date({ mode: 'string' }),
		/** Status, locking and revisions: edited one by one in the workspace (content/editorial.ts) or imported. */
		...editableColumns('published'),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		...editableChecks('programme', t),
		uniqueIndex('programme_institution_slug_uq').on(t.institutionId, t.slug),
		index('programme_finder_idx').on(t.status, t.level, t.iscedCode),
		index('programme_country_level_idx').on(t.status, t.countryCode, t.level, t.tuitionEur),
		index('programme_institution_idx').on(t.institutionId),
		index('programme_deadline_idx').on(t.applicationDeadline),
		index('programme_tuition_idx').on(t.tuitionEur),
		index('programme_languages_idx').using('gin', t.languages),
		// The finder filters by broad field: the first two digits of the ISCED-F code.
		index('programme_broad_field_idx').on(sql`left(${t.iscedCode}, 2)`, t.status),
		index('programme_application_window_idx').on(t.applicationOpens, t.applicationDeadline)
	]
);

/** Exchange rates are data with a date (for comparing tuition and, later, budgets). */
export const exchangeRate = pgTable(
	'exchange_rate',
	{
		currency: text().notNull(),
		/** How many euros one unit of the currency buys, on `asOf`. */
		eurPerUnit: numeric({ mode: 'number' }).notNull(),
		asOf: date({ mode: 'string' }).notNull(),
		sourceUrl: text()
	},
	(t) => [uniqueIndex('exchange_rate_currency_date_uq').on(t.currency, t.asOf)]
);
