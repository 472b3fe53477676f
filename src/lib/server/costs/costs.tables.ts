import { sql } from 'drizzle-orm';
import { boolean, date, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { institution } from '../institutions/institutions.tables';
import type { LocalizedText } from '$lib/i18n/localized-text';

export const COST_CATEGORIES = ['housing_dorm', 'housing_shared', 'housing_studio', 'food', 'transport', 'phone', 'insurance', 'visa_permits', 'study_materials', 'leisure'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/**
 * Living costs per city: low, typical and high amounts per item, in local currency, with the
 * period they are paid for. `city` is the English city name (the key institutions use too).
 * Rows with an institution are that institution's own prices (its dormitories, its insurance):
 * they replace the city's row of the same category when someone plans a stay there.
 */
export const costItem = pgTable(
	'cost_item',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** Null for the city's reference prices; set for an institution's own. */
		institutionId: uuid().references(() => institution.id, { onDelete: 'cascade' }),
		countryCode: text().notNull(),
		city: text().notNull(),
		category: text().notNull(),
		/** 'month' | 'year' | 'once' */
		period: text().notNull(),
		low: numeric({ mode: 'number' }).notNull(),
		typical: numeric({ mode: 'number' }).notNull(),
		high: numeric({ mode: 'number' }).notNull(),
		currency: text().notNull(),
		note: jsonb().$type<LocalizedText>().notNull().default({}),
		sortOrder: integer().notNull().default(0),
		sourceUrl: text(),
		verifiedOn: date({ mode: 'string' }),
		unverified: boolean().notNull().default(false),
		isDemo: boolean().notNull().default(false),
		/** Optimistic locking: bumped by every save. */
		version: integer().notNull().default(1),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('cost_item_city_category_uq').on(t.countryCode, t.city, t.category).where(sql`institution_id is null`),
		uniqueIndex('cost_item_institution_category_uq').on(t.institutionId, t.category).where(sql`institution_id is not null`)
	]
);

/** Proof of funds a country asks of incoming students, where it asks for one. */
export const fundsRequirement = pgTable('funds_requirement', {
	countryCode: text().primaryKey(),
	/** Amount required per month of stay. */
	monthlyAmount: numeric({ mode: 'number' }).notNull(),
	currency: text().notNull(),
	note: jsonb().$type<LocalizedText>().notNull().default({}),
	sourceUrl: text(),
	verifiedOn: date({ mode: 'string' }),
	unverified: boolean().notNull().default(false)
});
