import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { ServiceContext } from '../platform/context';
import { AppError, notFound } from '../platform/errors';
import type { RowError } from '../spreadsheets/sheet-cells';
import { importBatch } from './imports.tables';
import { isUuid } from '../platform/validation';

/**
 * Checked imports waiting for confirmation (programmes, cost items): the dry run stores the
 * valid rows, and "Import" claims them once. Shared so every import behaves the same.
 */
const BATCH_LIFETIME_MS = 24 * 3_600_000;

export type ImportKind = 'programmes' | 'cost_items' | 'agreements';

export interface ImportCheck {
	batchId: string | null;
	total: number;
	creates: number;
	updates: number;
	errors: RowError[];
}

/** Keeps the checked rows of a clean file; a file with any error keeps nothing. */
export async function storeImportBatch(
	ctx: ServiceContext,
	batch: { institutionId: string; kind: ImportKind; fileName: string | null; rows: unknown[]; creates: number; updates: number; errors: RowError[] }
): Promise<ImportCheck> {
	const total = batch.rows.length + new Set(batch.errors.filter((e) => e.row > 1).map((e) => e.row)).size;
	const summary = { total, creates: batch.creates, updates: batch.updates, errors: batch.errors };
	if (batch.errors.length || !batch.rows.length) return { batchId: null, ...summary };
	// Old batches go when new ones come: no job needed.
	await ctx.db.delete(importBatch).where(lt(importBatch.createdAt, new Date(Date.now() - BATCH_LIFETIME_MS)));
	const [stored] = await ctx.db
		.insert(importBatch)
		.values({ institutionId: batch.institutionId, userId: ctx.actor!.userId, kind: batch.kind, fileName: batch.fileName?.slice(0, 200) ?? null, rows: batch.rows, creates: batch.creates, updates: batch.updates })
		.returning({ id: importBatch.id });
	return { batchId: stored!.id, ...summary };
}

/**
 * Claims a checked batch for writing, in the caller's transaction. Claiming first makes a
 * double submit import once; only the person who checked the file may import it, within a day.
 */
export async function claimImportBatch(tx: ServiceContext, claim: { institutionId: string; kind: ImportKind; batchId: string }) {
	if (!isUuid(claim.batchId)) throw notFound();
	const [batch] = await tx.db
		.update(importBatch)
		.set({ appliedAt: new Date() })
		.where(
			and(
				eq(importBatch.id, claim.batchId),
				eq(importBatch.institutionId, claim.institutionId),
				eq(importBatch.kind, claim.kind),
				eq(importBatch.userId, tx.actor!.userId),
				isNull(importBatch.appliedAt),
				gt(importBatch.createdAt, new Date(Date.now() - BATCH_LIFETIME_MS))
			)
		)
		.returning();
	if (!batch) throw new AppError('invalid_input', 'error_import_batch_gone');
	return batch;
}
