import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '$lib/i18n/localized-text';

/** Facts edited by country editors (guides/rules-editing.service.ts): locking, and withdrawal instead of deletion. */
const editable = {
	/** Optimistic locking: bumped by every save. */
	version: integer().notNull().default(1),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	/** No longer applies: kept for history, left out of guides and the planner. */
	withdrawnAt: timestamp({ withTimezone: true })
};

/** Every fact a guide shows carries where it comes from and when someone checked it. */
const provenance = {
	sourceUrl: text(),
	verifiedOn: date({ mode: 'string' }),
	/** Not confirmed by an official source: shown as "check with the institution". */
	unverified: boolean().notNull().default(false)
};

/** A country guide: Kazakhstan and China in depth, EU partner countries briefly. */
export const countryGuide = pgTable('country_guide', {
	countryCode: text().primaryKey(),
	/** 'full' | 'brief' */
	depth: text().notNull().default('brief'),
	currency: text().notNull(),
	/** IANA time zone used for arrival deadlines. */
	timeZone: text().notNull(),
	summary: jsonb().$type<LocalizedText>().notNull().default({}),
	creditSystem: jsonb().$type<LocalizedText>().notNull().default({}),
	gradeScale: jsonb().$type<LocalizedText>().notNull().default({}),
	academicCalendar: jsonb().$type<LocalizedText>().notNull().default({}),
	insurance: jsonb().$type<LocalizedText>().notNull().default({}),
	officialLinks: jsonb().$type<{ label: LocalizedText; url: string }[]>().notNull().default([]),
	isDemo: boolean().notNull().default(false),
	...provenance,
	/** Optimistic locking for editors (platform admins). */
	version: integer().notNull().default(1),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/** Who needs which visa: by nationality, length of stay and purpose. */
export const visaRoute = pgTable(
	'visa_route',
	{
		id: uuid().primaryKey().defaultRandom(),
		countryCode: text()
			.notNull()
			.references(() => countryGuide.countryCode, { onDelete: 'cascade' }),
		code: text().notNull(),
		name: jsonb().$type<LocalizedText>().notNull(),
		description: jsonb().$type<LocalizedText>().notNull().default({}),
		/** Stay lengths this route covers, in days (null: no bound). */
		minStayDays: integer(),
		maxStayDays: integer(),
		/** ISO 3166-1 alpha-2 codes this route is for; null means every nationality not excluded. */
		nationalities: text().array(),
		excludedNationalities: text().array().notNull().default([]),
		/** Purposes of stay this route is for (study, research, teaching, short_visit); null: any. */
		purposes: text().array(),
		/** No visa at all (e.g. visa-free entry for some neighbours). */
		visaFree: boolean().notNull().default(false),
		documents: jsonb().$type<LocalizedText[]>().notNull().default([]),
		feeAmount: numeric({ mode: 'number' }),
		feeCurrency: text(),
		/** Processing time in working days. */
		processingDaysMin: integer(),
		processingDaysMax: integer(),
		sortOrder: integer().notNull().default(0),
		...provenance,
		...editable
	},
	(t) => [uniqueIndex('visa_route_country_code_uq').on(t.countryCode, t.code)]
);

/**
 * A step after arrival with its deadline, as a rule: offset and unit from an anchor event,
 * under conditions (length of stay, visa route, housing).
 */
export const arrivalRule = pgTable(
	'arrival_rule',
	{
		id: uuid().primaryKey().defaultRandom(),
		countryCode: text()
			.notNull()
			.references(() => countryGuide.countryCode, { onDelete: 'cascade' }),
		code: text().notNull(),
		title: jsonb().$type<LocalizedText>().notNull(),
		description: jsonb().$type<LocalizedText>().notNull().default({}),
		/** What the offset counts from: 'arrival' (after it), 'before_arrival', 'before_anniversary' (yearly; planner.ts RULE_ANCHORS). */
		anchor: text().notNull().default('arrival'),
		offset: integer().notNull(),
		/** 'hours' | 'calendar_days' | 'working_days' */
		unit: text().notNull(),
		/** 'self' (the incoming person) | 'host' (the institution does it) */
		responsible: text().notNull().default('self'),
		minStayDays: integer(),
		maxStayDays: integer(),
		/** Only for these visa routes (codes); null: any. */
		visaRoutes: text().array(),
		/** Only for these purposes of stay; null: any. */
		purposes: text().array(),
		/** 'off_campus' | 'on_campus' | null (any housing) */
		housing: text(),
		sortOrder: integer().notNull().default(0),
		...provenance,
		...editable
	},
	(t) => [uniqueIndex('arrival_rule_country_code_uq').on(t.countryCode, t.code)]
);

/**
 * The official calendar that working days are counted on: public holidays, and weekend days
 * that are working days (China moves weekends around its holidays).
 */
export const calendarDay = pgTable(
	'calendar_day',
	{
		countryCode: text()
			.notNull()
			.references(() => countryGuide.countryCode, { onDelete: 'cascade' }),
		date: date({ mode: 'string' }).notNull(),
		/** 'holiday' | 'working_day' */
		kind: text().notNull(),
		name: jsonb().$type<LocalizedText>().notNull().default({}),
		...provenance,
		withdrawnAt: timestamp({ withTimezone: true })
	},
	(t) => [uniqueIndex('calendar_day_country_date_uq').on(t.countryCode, t.date), index('calendar_day_date_idx').on(t.date)]
);
