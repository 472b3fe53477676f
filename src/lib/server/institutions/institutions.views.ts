import { sql } from 'drizzle-orm';
import { jsonb, pgView, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '$lib/i18n/localized-text';

/**
 * What other modules may read of an institution: its identity, names, languages and when
 * its profile last changed. A view,
 * so they join it in their own queries while the table stays the institutions module's own.
 * (Columns written out: drizzle-kit does not apply snake_case to a query-builder view.)
 */
export const institutionDirectory = pgView('institution_directory', {
	id: uuid().notNull(),
	slug: text().notNull(),
	shortName: text().notNull(),
	shortNames: jsonb().$type<LocalizedText>().notNull(),
	name: jsonb().$type<LocalizedText>().notNull(),
	countryCode: text().notNull(),
	city: jsonb().$type<LocalizedText>().notNull(),
	defaultLocale: text().notNull(),
	locales: text().array().notNull(),
	heiId: text(),
	erasmusCode: text(),
	website: text(),
	/** When the profile last changed (sitemaps, "check it is still correct"). */
	updatedAt: timestamp({ withTimezone: true }).notNull()
}).as(sql`select id, slug, short_name, short_names, name, country_code, city, default_locale, locales, hei_id, erasmus_code, website, updated_at from institution`);
