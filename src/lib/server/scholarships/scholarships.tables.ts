import { boolean, date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '$lib/i18n/localized-text';
import { institution } from '../institutions/institutions.tables';
import { editableChecks, editableColumns } from '../content/editable-columns';

export const SCHOLARSHIP_COVERS = ['tuition', 'stipend', 'housing', 'insurance', 'travel'] as const;
export type ScholarshipCover = (typeof SCHOLARSHIP_COVERS)[number];

/**
 * A scholarship for incoming people: national (no institution, e.g. the Chinese Government
 * Scholarship) or offered by one institution.
 */
export const scholarship = pgTable(
	'scholarship',
	{
		id: uuid().primaryKey().defaultRandom(),
		slug: text().notNull().unique(),
		/** Host country. */
		countryCode: text().notNull(),
		/** Null for national schemes; set for an institution's own scholarship. */
		institutionId: uuid().references(() => institution.id, { onDelete: 'cascade' }),
		provider: jsonb().$type<LocalizedText>().notNull(),
		name: jsonb().$type<LocalizedText>().notNull(),
		summary: jsonb().$type<LocalizedText>().notNull().default({}),
		levels: text().array().notNull(),
		/** ISCED-F broad fields (2 digits); empty = every field. */
		fields: text().array().notNull().default([]),
		/** Nationalities that may apply (ISO alpha-2); null = every nationality not excluded. */
		eligibleNationalities: text().array(),
		excludedNationalities: text().array().notNull().default([]),
		covers: text().array().notNull(),
		/** Monthly stipend by level, in `stipendCurrency`. */
		stipends: jsonb().$type<Partial<Record<string, number>>>().notNull().default({}),
		stipendCurrency: text(),
		applicationDeadline: date({ mode: 'string' }),
		url: text(),
		sourceUrl: text(),
		verifiedOn: date({ mode: 'string' }),
		unverified: boolean().notNull().default(false),
		/** Status, locking and revisions: institutional scholarships are edited in the workspace (content/editorial.ts). */
		...editableColumns('published')
	},
	(t) => [...editableChecks('scholarship', t), index('scholarship_country_idx').on(t.countryCode, t.status), index('scholarship_institution_idx').on(t.institutionId)]
);
