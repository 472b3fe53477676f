import { and, desc, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../platform/context';
import { contentRevision, type CONTENT_TYPES, type REVISION_STATES } from './revisions.tables';

/**
 * Storage of content revisions, shared by every editable content type. The content type's
 * service decides what a snapshot holds and when a revision is made; this module only keeps
 * and finds them.
 */
export type RevisionState = (typeof REVISION_STATES)[number];
export type ContentType = (typeof CONTENT_TYPES)[number];

export interface RevisionKey {
	entityType: ContentType;
	entityId: string;
}

type NewRevision = RevisionKey & { institutionId: string | null; number: number; data: Record<string, unknown>; state?: RevisionState; note?: string | null; byPlatform?: boolean };

/** The row of a new revision: by the current actor, or by the platform (seeded states). */
const revisionRow = (ctx: ServiceContext, r: NewRevision) => ({
	entityType: r.entityType,
	entityId: r.entityId,
	institutionId: r.institutionId,
	number: r.number,
	data: r.data,
	state: r.state ?? 'draft',
	authorUserId: r.byPlatform ? null : (ctx.actor?.userId ?? null),
	authorName: r.byPlatform ? null : (ctx.actor?.email ?? null),
	note: r.byPlatform ? null : (r.note ?? null)
});

export async function appendRevision(ctx: ServiceContext, revision: NewRevision) {
	const [row] = await ctx.db.insert(contentRevision).values(revisionRow(ctx, revision)).returning();
	return row!;
}

/** Several revisions in one statement (imports), each by the current actor unless `byPlatform`. */
export async function appendRevisions(ctx: ServiceContext, revisions: NewRevision[], note: string | null = null) {
	for (let i = 0; i < revisions.length; i += 500) {
		await ctx.db.insert(contentRevision).values(revisions.slice(i, i + 500).map((r) => revisionRow(ctx, { note, ...r })));
	}
}

export async function getRevision(ctx: ServiceContext, key: RevisionKey, number: number) {
	const [row] = await ctx.db
		.select()
		.from(contentRevision)
		.where(and(eq(contentRevision.entityType, key.entityType), eq(contentRevision.entityId, key.entityId), eq(contentRevision.number, number)));
	return row ?? null;
}

/** Newest first, without the snapshots (history lists). */
export async function listRevisions(ctx: ServiceContext, key: RevisionKey) {
	return ctx.db
		.select({ number: contentRevision.number, state: contentRevision.state, authorName: contentRevision.authorName, note: contentRevision.note, createdAt: contentRevision.createdAt })
		.from(contentRevision)
		.where(and(eq(contentRevision.entityType, key.entityType), eq(contentRevision.entityId, key.entityId)))
		.orderBy(desc(contentRevision.number));
}

/** The given revisions of several items at once: entityId → revision. */
export async function revisionsByNumber(ctx: ServiceContext, entityType: ContentType, wanted: { entityId: string; number: number }[]) {
	const found = new Map<string, typeof contentRevision.$inferSelect>();
	const relevant = wanted.filter((w) => w.number > 0);
	if (!relevant.length) return found;
	// One jsonb parameter however many items: a list of thousands of bound pairs is too much for PGlite.
	const pairs = JSON.stringify(relevant.map((w) => ({ entity_id: w.entityId, number: w.number })));
	const rows = await ctx.db
		.select()
		.from(contentRevision)
		.where(
			and(
				eq(contentRevision.entityType, entityType),
				sql`(${contentRevision.entityId}, ${contentRevision.number}) in (select entity_id, number from jsonb_to_recordset(${pairs}::jsonb) as wanted(entity_id uuid, number int))`
			)
		);
	for (const row of rows) found.set(row.entityId, row);
	return found;
}

export async function setRevisionState(ctx: ServiceContext, key: RevisionKey, number: number, state: RevisionState) {
	await ctx.db
		.update(contentRevision)
		.set({ state })
		.where(and(eq(contentRevision.entityType, key.entityType), eq(contentRevision.entityId, key.entityId), eq(contentRevision.number, number)));
}

/** Removes an item's whole history (with the draft it belonged to). */
export async function deleteRevisions(ctx: ServiceContext, key: RevisionKey) {
	await ctx.db.delete(contentRevision).where(and(eq(contentRevision.entityType, key.entityType), eq(contentRevision.entityId, key.entityId)));
}
