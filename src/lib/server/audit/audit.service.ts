import { and, asc, desc, eq, gt, inArray, lt } from 'drizzle-orm';
import { auditEvent, type AuditChanges } from './audit.tables';
import { authorizeInstitution, authorizePlatform } from '../access/policy';
import type { ServiceContext } from '../platform/context';

export interface AuditEntry {
	entityType: string;
	entityId: string;
	action: string;
	institutionId?: string | null;
	changes?: AuditChanges;
}

/** Records one change. Call it inside the transaction that makes the change. */
export async function recordAudit(ctx: ServiceContext, entry: AuditEntry) {
	await ctx.db.insert(auditEvent).values({
		actorUserId: ctx.actor?.userId ?? null,
		actorEmail: ctx.actor?.email ?? null,
		institutionId: entry.institutionId ?? null,
		entityType: entry.entityType,
		entityId: entry.entityId,
		action: entry.action,
		changes: entry.changes ?? {},
		requestId: ctx.requestId
	});
}

/** Records what people do to their own account outside a service call (the auth library's callbacks). */
export async function recordOwnAccountEvent(db: ServiceContext['db'], person: { id: string; email: string }, action: string, changes: AuditChanges = {}) {
	await db.insert(auditEvent).values({ actorUserId: person.id, actorEmail: person.email, entityType: 'user', entityId: person.id, action, changes });
}

/** Which of these records have an audit trail, i.e. someone created, changed or withdrew them through a service. */
export async function auditedEntityIds(ctx: Pick<ServiceContext, 'db'>, entityType: string, entityIds: string[]) {
	if (!entityIds.length) return new Set<string>();
	const rows = await ctx.db
		.selectDistinct({ id: auditEvent.entityId })
		.from(auditEvent)
		.where(and(eq(auditEvent.entityType, entityType), inArray(auditEvent.entityId, entityIds)));
	return new Set(rows.map((r) => r.id));
}

/** The fields whose values differ, as { field: { from, to } }; secrets are never passed in. */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown>): AuditChanges {
	const changes: AuditChanges = {};
	for (const key of Object.keys(after)) {
		const from = before?.[key] ?? null;
		const to = after[key] ?? null;
		if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
	}
	return changes;
}

/**
 * What others changed in one record since `since` (when someone opened its form), folded from
 * the audit trail into the values before and after: shown as a diff when their save arrives
 * second. For records kept without revisions (institution profile, factsheet).
 */
export async function auditChangesSince(ctx: ServiceContext, filter: { institutionId: string; entityType: string; entityId: string; actions: string[]; since: Date }) {
	const events = await ctx.db
		.select({ at: auditEvent.at, actorEmail: auditEvent.actorEmail, changes: auditEvent.changes })
		.from(auditEvent)
		.where(
			and(
				eq(auditEvent.institutionId, filter.institutionId),
				eq(auditEvent.entityType, filter.entityType),
				eq(auditEvent.entityId, filter.entityId),
				inArray(auditEvent.action, filter.actions),
				gt(auditEvent.at, filter.since)
			)
		)
		.orderBy(asc(auditEvent.at));
	const before: Record<string, unknown> = {};
	const after: Record<string, unknown> = {};
	for (const e of events) {
		for (const [field, change] of Object.entries(e.changes)) {
			if (!(field in before)) before[field] = change.from;
			after[field] = change.to;
		}
	}
	const last = events.at(-1);
	return { by: last?.actorEmail ?? null, at: last?.at ?? null, before, after };
}

const PAGE_SIZE = 50;

/** Platform admins see everything; institution admins see their institution's events. */
export async function listAuditEvents(ctx: ServiceContext, options: { institutionId?: string; before?: number } = {}) {
	if (options.institutionId) authorizeInstitution(ctx.actor, 'audit.view', options.institutionId);
	else authorizePlatform(ctx.actor, 'platform.view_audit');
	const filters = [];
	if (options.institutionId) filters.push(eq(auditEvent.institutionId, options.institutionId));
	if (options.before) filters.push(lt(auditEvent.id, options.before));
	const rows = await ctx.db
		.select()
		.from(auditEvent)
		.where(and(...filters))
		.orderBy(desc(auditEvent.id))
		.limit(PAGE_SIZE + 1);
	return { events: rows.slice(0, PAGE_SIZE), nextBefore: rows.length > PAGE_SIZE ? rows[PAGE_SIZE - 1]!.id : null };
}

/**
 * Empties the recorded changes of entries about erased personal data (who did what stays; what
 * the values were goes). `action` narrows it to one kind of entry.
 */
export async function eraseAuditChanges(ctx: Pick<ServiceContext, 'db'>, entityType: string, entityIds: string[], action?: string) {
	if (!entityIds.length) return;
	await ctx.db
		.update(auditEvent)
		.set({ changes: {} })
		.where(and(eq(auditEvent.entityType, entityType), inArray(auditEvent.entityId, entityIds), action ? eq(auditEvent.action, action) : undefined));
}
