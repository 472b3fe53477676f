import { boolean, integer, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The columns the editorial workflow needs (content/editorial.ts): public status, optimistic
 * locking and the revision pointers. New items start as `initialStatus`.
 */
export function editableColumns(initialStatus: 'published' | 'draft') {
	return {
		/** 'draft' (never published) | 'published' | 'unpublished' */
		status: text().notNull().default(initialStatus),
		isDemo: boolean().notNull().default(false),
		/** Optimistic locking: every save must name the version it started from. */
		version: integer().notNull().default(1),
		/** Number of the newest revision (0: none yet, the row is as seeded). */
		latestRevision: integer().notNull().default(0),
		/** Number of the revision the public sees; null before the first publication. */
		liveRevision: integer(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	};
}
