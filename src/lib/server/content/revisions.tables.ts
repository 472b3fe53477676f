import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from '../platform/sql-checks';

/** An editor's revision: being written, waiting for review, or the one published. */
export const REVISION_STATES = ['draft', 'in_review', 'published'] as const;
/** What revisions are kept for. */
export const CONTENT_TYPES = ['news', 'event', 'faq', 'document', 'scholarship', 'programme'] as const;
import { institution } from '../institutions/institutions.tables';

/**
 * Every saved version of an editable content item (news, and later events, programmes…), as a
 * snapshot of its editable fields. The item's own row holds what the public sees; the latest
 * revision is what editors work on. Number 0 is the state an item had before its first edit
 * (seeded or imported content), so history and diffs start from what was there.
 */
export const contentRevision = pgTable(
	'content_revision',
	{
		id: uuid().primaryKey().defaultRandom(),
		entityType: text().$type<(typeof CONTENT_TYPES)[number]>().notNull(),
		entityId: uuid().notNull(),
		institutionId: uuid().references(() => institution.id, { onDelete: 'cascade' }),
		number: integer().notNull(),
		data: jsonb().$type<Record<string, unknown>>().notNull(),
		state: text().$type<(typeof REVISION_STATES)[number]>().notNull().default('draft'),
		authorUserId: text(),
		authorName: text(),
		note: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('content_revision_state_check', oneOf(t.state, REVISION_STATES)),
		check('content_revision_entity_type_check', oneOf(t.entityType, CONTENT_TYPES)),
		uniqueIndex('content_revision_number_uq').on(t.entityType, t.entityId, t.number), index('content_revision_institution_idx').on(t.institutionId, t.entityType, t.state)
	]
);
