import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agreement } from '../agreements/agreements.tables';
import { user } from '../auth/auth.tables';
import { institution } from '../institutions/institutions.tables';

export interface FamilyMember {
	name: string;
	/** spouse | child | parent | other */
	relation: string;
	dateOfBirth: string | null;
	nationality: string | null;
}

/**
 * An incoming person's profile: who they are (nationality, passport), where they go, when they
 * arrive and leave, and who comes with them. Personal data: only the person and staff of the
 * destination institution read it, and every change is audited.
 */
export const incomingProfile = pgTable('incoming_profile', {
	userId: text()
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	/** student | staff | researcher: which services are theirs to request. */
	kind: text().notNull(),
	/** study | research | teaching | short_visit: what the stay is for; picks the visa route. */
	purpose: text(),
	institutionId: uuid().references(() => institution.id, { onDelete: 'set null' }),
	nationality: text(),
	/** The name exactly as printed in the passport's machine-readable zone (Latin letters): letters copy it. */
	passportName: text(),
	/** F | M | X, as in the passport (ICAO 9303). */
	sex: text(),
	dateOfBirth: date({ mode: 'string' }),
	placeOfBirth: text(),
	/** The permanent address at home, which visa invitations ask for. */
	homeAddress: text(),
	passportNumber: text(),
	passportIssuedOn: date({ mode: 'string' }),
	passportExpiry: date({ mode: 'string' }),
	/** The programme's or stay's first and last day. */
	stayStart: date({ mode: 'string' }),
	stayEnd: date({ mode: 'string' }),
	arrivalDate: date({ mode: 'string' }),
	/** HH:MM, local time at the destination. */
	arrivalTime: text(),
	flightNumber: text(),
	arrivalAirport: text(),
	/** on_campus | off_campus | unknown */
	housing: text().notNull().default('unknown'),
	family: jsonb().$type<FamilyMember[]>().notNull().default([]),
	/** ISO 639-1 codes of the languages they speak, and their interests: for buddy matching. */
	languages: text().array().notNull().default([]),
	interests: text().notNull().default(''),
	/**
	 * The agreement they come under and the kind of mobility (its cooperation condition), set by
	 * the institution's staff: counted against the condition's quota per academic year.
	 */
	agreementId: uuid().references(() => agreement.id, { onDelete: 'set null' }),
	agreementMobility: text(),
	version: integer().notNull().default(1),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
}, (t) => [index('incoming_profile_institution_id_idx').on(t.institutionId), index('incoming_profile_agreement_idx').on(t.agreementId)]);

/** The steps of their arrival timeline a person has marked done (by the rule's code). */
export const timelineStepDone = pgTable(
	'timeline_step_done',
	{
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		stepCode: text().notNull(),
		doneAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.userId, t.stepCode] })]
);

/**
 * The reminders sent for timeline steps: one per person, step and due date, claimed before the
 * e-mail goes out, so a reminder is never sent twice (a changed arrival date makes a new one).
 */
export const timelineReminder = pgTable(
	'timeline_reminder',
	{
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		stepCode: text().notNull(),
		dueDate: date({ mode: 'string' }).notNull(),
		sentAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.userId, t.stepCode, t.dueDate] })]
);
