import { sql } from 'drizzle-orm';
import { customType, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '$lib/i18n/localized-text';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One row per public page that search can find, in every language at once: `body` holds all
 * translations, lower-cased. Full-text (tsvector, 'simple' configuration: no stemming, so it
 * treats Russian, Kazakh and English alike) finds words; the trigram index speeds up the
 * substring match that Chinese, written without spaces, needs.
 */
export const searchDocument = pgTable(
	'search_document',
	{
		id: uuid().primaryKey().defaultRandom(),
		kind: text().notNull(),
		/** The page's path without the locale, e.g. /institutions/tongji */
		path: text().notNull(),
		title: jsonb().$type<LocalizedText>().notNull(),
		summary: jsonb().$type<LocalizedText>().notNull().default({}),
		/** Every title translation, lower-cased: for ranking title matches first. */
		titles: text().notNull(),
		body: text().notNull(),
		/** A scheduled publication is found only from this moment on. */
		visibleFrom: timestamp({ withTimezone: true }),
		tsv: tsvector().generatedAlwaysAs(sql`to_tsvector('simple', body)`)
	},
	(t) => [
		uniqueIndex('search_document_path_uq').on(t.path),
		index('search_document_tsv_idx').using('gin', t.tsv),
		index('search_document_body_trgm_idx').using('gin', sql`${t.body} gin_trgm_ops`)
	]
);
