import { boolean, check, integer, text, timestamp, type PgColumn } from 'drizzle-orm/pg-core';
import { oneOf } from '../platform/sql-checks';

/** A row's public status: never published, live (or scheduled), taken off the portal. */
export const CONTENT_STATUSES = ['draft', 'published', 'unpublished'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

/**
 * The columns the editorial workflow needs (content/editorial.ts): public status, optimistic
 * locking and the revision pointers. New items start as `initialStatus`.
 */
export function editableColumns(initialStatus: 'published' | 'draft') {
	return {
		status: text().$type<ContentStatus>().notNull().default(initialStatus),
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

/** The CHECK every editable table carries: its status is one of CONTENT_STATUSES. */
export const editableChecks = (table: string, t: { status: PgColumn }) => [check(`${table}_status_check`, oneOf(t.status, CONTENT_STATUSES))];
