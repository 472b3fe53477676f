import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '$lib/i18n/localized-text';
import { institution } from './institutions.tables';

export interface ContactPoint {
	email?: string;
	phone?: string;
	url?: string;
}

/** EWP Factsheet 1.2 requirement kinds. */
export const FACTSHEET_REQUIREMENTS = ['motivation_letter', 'transcript', 'language_certificate', 'reference_letter', 'portfolio', 'cv', 'other'] as const;

/** Services a welcome centre may offer. */
export const WELCOME_SERVICES = ['visa_support', 'airport_pickup', 'accommodation', 'migration_registration', 'insurance', 'buddy', 'orientation', 'bank_sim', 'family_support'] as const;

/**
 * What an institution publishes for incoming people beyond its name: key figures, contacts and
 * services of the international office and welcome centre, and admission/exchange information
 * in the shape of the Erasmus Without Paper Factsheet 1.2.
 */
export const institutionFactsheet = pgTable('institution_factsheet', {
	institutionId: uuid()
		.primaryKey()
		.references(() => institution.id, { onDelete: 'cascade' }),
	foundedYear: integer(),
	students: integer(),
	internationalStudents: integer(),
	/** Languages of instruction, ISO 639-1. */
	instructionLanguages: text().array().notNull().default([]),
	internationalOffice: jsonb().$type<ContactPoint & { address?: LocalizedText }>().notNull().default({}),
	welcomeCentre: jsonb().$type<ContactPoint & { hours?: LocalizedText }>().notNull().default({}),
	services: text().array().notNull().default([]),
	/** EWP factsheet calendar: MM-DD, for the autumn and spring terms. */
	nominationDeadlineAutumn: text(),
	nominationDeadlineSpring: text(),
	applicationDeadlineAutumn: text(),
	applicationDeadlineSpring: text(),
	applicationInfo: jsonb().$type<ContactPoint>().notNull().default({}),
	additionalRequirements: text().array().notNull().default([]),
	requirementsDetails: jsonb().$type<LocalizedText>().notNull().default({}),
	decisionWeeksLimit: integer(),
	transcriptWeeksLimit: integer(),
	accessibility: jsonb().$type<LocalizedText>().notNull().default({}),
	housingInfo: jsonb().$type<ContactPoint>().notNull().default({}),
	visaInfo: jsonb().$type<ContactPoint>().notNull().default({}),
	insuranceInfo: jsonb().$type<ContactPoint>().notNull().default({}),
	accommodation: jsonb().$type<LocalizedText>().notNull().default({}),
	additionalInfo: jsonb().$type<LocalizedText>().notNull().default({}),
	/** Where each translation came from (editing/translation-status.ts), keyed by the editing form's field names. */
	translationSources: jsonb().$type<Record<string, Partial<Record<string, string>>>>().notNull().default({}),
	/** Optimistic locking: bumped by every save. */
	version: integer().notNull().default(1),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});
