import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '$lib/i18n/localized-text';
import { institution } from '../institutions/institutions.tables';
import { editableChecks, editableColumns } from '../content/editable-columns';

/**
 * News, platform-wide (no institution) or of one institution. The row holds what the public
 * sees; editors work on revisions (content/revisions.tables.ts), and publishing copies the
 * latest revision here. Public when status is 'published' and `publishedAt` has come (a
 * future date is a scheduled publication: no job needed, it simply becomes visible).
 */
export const newsItem = pgTable(
	'news_item',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid().references(() => institution.id, { onDelete: 'cascade' }),
		slug: text().notNull(),
		title: jsonb().$type<LocalizedText>().notNull(),
		summary: jsonb().$type<LocalizedText>().notNull().default({}),
		/** Markdown, rendered by editing/markdown.ts. */
		body: jsonb().$type<LocalizedText>().notNull().default({}),
		publishedAt: timestamp({ withTimezone: true }).notNull(),
		...editableColumns('published')
	},
	(t) => [...editableChecks('news_item', t), uniqueIndex('news_item_slug_uq').on(t.slug), index('news_item_published_idx').on(t.status, t.publishedAt), index('news_item_institution_id_idx').on(t.institutionId)]
);

/** Conferences, trainings, open days, webinars: platform-wide or of one institution. */
export const event = pgTable(
	'event',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid().references(() => institution.id, { onDelete: 'cascade' }),
		slug: text().notNull(),
		title: jsonb().$type<LocalizedText>().notNull(),
		summary: jsonb().$type<LocalizedText>().notNull().default({}),
		/** 'conference' | 'training' | 'study_tour' | 'meeting' | 'open_day' | 'webinar' */
		kind: text().notNull(),
		startsOn: date({ mode: 'string' }).notNull(),
		endsOn: date({ mode: 'string' }).notNull(),
		city: jsonb().$type<LocalizedText>().notNull().default({}),
		countryCode: text(),
		online: boolean().notNull().default(false),
		url: text(),
		...editableColumns('published')
	},
	(t) => [...editableChecks('event', t), uniqueIndex('event_slug_uq').on(t.slug), index('event_dates_idx').on(t.status, t.startsOn), index('event_institution_id_idx').on(t.institutionId)]
);

/** The documents library: leaflets, posters, reports, guides, with their type and language. */
export const libraryDocument = pgTable(
	'library_document',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid().references(() => institution.id, { onDelete: 'cascade' }),
		title: jsonb().$type<LocalizedText>().notNull(),
		/** 'leaflet' | 'poster' | 'report' | 'guide' | 'presentation' */
		kind: text().notNull(),
		/** Language of the document itself (ISO 639-1). */
		language: text().notNull(),
		/** A web address, or a PDF of the media library (/media/<id>/document.pdf). */
		url: text().notNull(),
		publishedOn: date({ mode: 'string' }).notNull(),
		/** Unique within its institution (or among platform-wide documents). */
		slug: text().notNull(),
		...editableColumns('published')
	},
	(t) => [...editableChecks('library_document', t), index('library_document_kind_idx').on(t.kind, t.language), uniqueIndex('library_document_institution_slug_uq').on(t.institutionId, t.slug)]
);

/** Questions and answers on an institution's profile ("How do I get my visa invitation?"). */
export const faqItem = pgTable(
	'faq_item',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		/** Unique within the institution; the anchor of the answer on the profile. */
		slug: text().notNull(),
		question: jsonb().$type<LocalizedText>().notNull(),
		/** Markdown. */
		answer: jsonb().$type<LocalizedText>().notNull().default({}),
		/** Order on the profile: lower first. */
		position: integer().notNull().default(100),
		...editableColumns('draft')
	},
	(t) => [...editableChecks('faq_item', t), uniqueIndex('faq_item_institution_slug_uq').on(t.institutionId, t.slug), index('faq_item_institution_idx').on(t.institutionId, t.status, t.position)]
);
