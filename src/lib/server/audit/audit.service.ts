import { and, desc, eq, lt } from 'drizzle-orm';
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
