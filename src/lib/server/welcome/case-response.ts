import { and, eq, inArray, sql } from 'drizzle-orm';
import { diffFields, recordAudit } from '../audit/audit.service';
import type { ServiceContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { caseDocument, caseEvent, OPEN_STATUSES, welcomeCase, type CaseStatus } from './cases.tables';

type CaseRow = typeof welcomeCase.$inferSelect;

/**
 * What every answer staff give a case means — a message, a letter, a pickup, a document check —
 * in the caller's transaction, written once: only an open case can be answered (closed in the
 * meantime: `error_case_closed`, on `field`); the first answer is dated (for the service
 * figures); a submitted case moves to in progress, or to `status` when the answer asks for
 * one, with its status event and audit entry; a case no one handled goes to whoever answered,
 * with its event. Returns the case as it now is.
 */
export async function staffResponded(tx: ServiceContext, institutionId: string, row: CaseRow, options: { status?: CaseStatus; field?: string; now?: Date } = {}) {
	const actorId = tx.actor!.userId;
	const now = options.now ?? tx.clock.now();
	const status = options.status ?? (row.status === 'submitted' ? 'in_progress' : row.status);
	const [updated] = await tx.db
		.update(welcomeCase)
		.set({ status, firstResponseAt: row.firstResponseAt ?? now, assigneeId: row.assigneeId ?? actorId, updatedAt: now, version: sql`${welcomeCase.version} + 1` })
		.where(and(eq(welcomeCase.id, row.id), eq(welcomeCase.institutionId, institutionId), inArray(welcomeCase.status, [...OPEN_STATUSES])))
		.returning();
	if (!updated) throw new AppError('invalid_input', 'error_case_closed', { [options.field ?? 'body']: 'error_case_closed' });
	if (status !== row.status) {
		await tx.db.insert(caseEvent).values({ caseId: row.id, kind: 'status', authorId: actorId, data: { from: row.status, to: status } });
		await recordAudit(tx, { entityType: 'welcome_case', entityId: row.id, institutionId, action: 'case.status', changes: diffFields({ status: row.status }, { status }) });
	}
	if (!row.assigneeId) await tx.db.insert(caseEvent).values({ caseId: row.id, kind: 'assigned', authorId: actorId, data: { to: actorId } });
	return updated;
}

/**
 * A letter issued on a case (letters/letters.service.ts): its PDF joins the case's documents,
 * the thread shows it, and it counts as staff's answer. In the caller's transaction.
 */
export async function attachLetterToCase(
	tx: ServiceContext,
	institutionId: string,
	row: CaseRow,
	letter: { id: string; title: string; documentId: string; fileName: string; bytes: number; storageKey: string },
	now = tx.clock.now()
) {
	const actorId = tx.actor!.userId;
	const updated = await staffResponded(tx, institutionId, row, { field: 'kind', now });
	await tx.db.insert(caseDocument).values({ id: letter.documentId, caseId: row.id, institutionId, documentKey: 'letter', fileName: letter.fileName, mime: 'application/pdf', bytes: letter.bytes, storageKey: letter.storageKey, uploadedById: actorId });
	await tx.db.insert(caseEvent).values({ caseId: row.id, kind: 'document', authorId: actorId, body: letter.title, data: { documentIds: [letter.documentId], letterId: letter.id } });
	return updated;
}
