import { sql } from 'drizzle-orm';
import { pgView, text } from 'drizzle-orm/pg-core';

/**
 * What other modules may read of an account: who it is and how to write to them. A view, so
 * they join it in their own queries (an author's name, an applicant's e-mail) while the
 * accounts tables stay better-auth's and this module's own.
 */
export const person = pgView('person', {
	id: text().notNull(),
	name: text().notNull(),
	email: text().notNull(),
	/** The language of the UI and of the mail this person receives. */
	locale: text().notNull(),
	/** For incoming people: 'student' | 'staff' | 'researcher'; null for institution staff. */
	personKind: text()
}).as(sql`select id, name, email, locale, person_kind from "user"`);
