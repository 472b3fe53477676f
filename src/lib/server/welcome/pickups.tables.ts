import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { institution } from '../institutions/institutions.tables';
import { welcomeCase } from './cases.tables';

/** A run to the airport: a day and time window, seats, and the driver or volunteer who goes. */
export const pickupSlot = pgTable(
	'pickup_slot',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		date: date({ mode: 'string' }).notNull(),
		/** HH:MM, local time at the airport. */
		fromTime: text().notNull(),
		toTime: text().notNull(),
		airport: text().notNull(),
		capacity: integer().notNull(),
		driver: text().notNull(),
		driverEmail: text(),
		note: text().notNull().default(''),
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('pickup_slot_institution_date_idx').on(t.institutionId, t.date)]
);

/** A pickup request (a case) placed in a slot, with the seats it takes. */
export const pickupBooking = pgTable(
	'pickup_booking',
	{
		caseId: uuid()
			.primaryKey()
			.references(() => welcomeCase.id, { onDelete: 'cascade' }),
		slotId: uuid()
			.notNull()
			.references(() => pickupSlot.id, { onDelete: 'cascade' }),
		institutionId: uuid().notNull(),
		seats: integer().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('pickup_booking_slot_idx').on(t.slotId)]
);
