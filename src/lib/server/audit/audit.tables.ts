import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

/** Append-only: who changed what, when, on which record. */
export const auditEvent = pgTable(
	'audit_event',
	{
		id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** Null when the platform itself acted (seeding, jobs). */
		actorUserId: text(),
		actorEmail: text(),
		/** Set when the record belongs to an institution; scopes what institution admins see. */
		institutionId: uuid(),
		entityType: text().notNull(),
		entityId: text().notNull(),
		action: text().notNull(),
		changes: jsonb().$type<AuditChanges>().notNull().default({}),
		requestId: text()
	},
	(t) => [
		index('audit_event_institution_at_idx').on(t.institutionId, t.at),
		index('audit_event_entity_idx').on(t.entityType, t.entityId),
		index('audit_event_at_idx').on(t.at)
	]
);
