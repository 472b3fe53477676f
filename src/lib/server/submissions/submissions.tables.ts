import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Form submissions already carried out, by the key their form carried (see submissions.service.ts). */
export const formSubmission = pgTable(
	'form_submission',
	{
		actorId: text().notNull(),
		key: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.actorId, t.key] }), index('form_submission_at_idx').on(t.at)]
);
