import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '$lib/i18n/localized-text';
import { institution } from '../institutions/institutions.tables';

export interface MediaVariant {
	width: number;
	height: number;
	format: 'webp' | 'jpeg';
	bytes: number;
	/** Storage key, e.g. media/<id>/640.webp */
	key: string;
}

/** An uploaded image or document of one institution. Files are in MediaStorage under `media/<id>/`. */
export const mediaAsset = pgTable(
	'media_asset',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		/** 'image' | 'document' */
		kind: text().notNull(),
		/** The type found in the file's content (not its name). */
		mime: text().notNull(),
		originalName: text().notNull(),
		bytes: integer().notNull(),
		width: integer(),
		height: integer(),
		/** Images: the text alternative, per language (required in the institution's languages). */
		alt: jsonb().$type<LocalizedText>().notNull().default({}),
		/** Images: resized copies without metadata; documents: one entry, the file itself. */
		variants: jsonb().$type<MediaVariant[]>().notNull(),
		version: integer().notNull().default(1),
		createdByUserId: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('media_asset_institution_idx').on(t.institutionId, t.createdAt)]
);
