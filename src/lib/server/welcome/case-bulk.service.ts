import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { MessageKey } from '$lib/i18n/messages';
import { authorizeInstitution } from '../access/policy';
import { inTransaction, type ServiceContext } from '../platform/context';
import { AppError, invalidInput } from '../platform/errors';
import { parseInput } from '../platform/validation';
import { claimSubmission } from '../submissions/submissions.service';
import { ownCaseIds, setCaseAssignee, setCaseStatus } from './case-handling.service';
import { notifyApplicant } from './case-mail';
import { welcomeCase, type CaseStatus } from './cases.tables';
import { CLOSED } from './cases.service';

/**
 * What staff do to many cases at once from the queue, besides assigning them
 * (case-handling.service.ts `assignCases`): set their status, or unassign them. Each case
 * changes as it would alone (`setCaseStatus`, `setCaseAssignee`: its event, its audit entry),
 * all in one transaction; cases the change does not apply to are left as they are and named
 * in the answer ("3 changed; already closed: 12"), never skipped in silence. A case of another
 * institution among them: 404 and nothing changes. Applicants are told after the commit.
 */
export { BULK_STATUSES } from '$lib/welcome/case-status';
import { BULK_STATUSES } from '$lib/welcome/case-status';

const bulkStatusSchema = z
	.object({
		status: z.enum(BULK_STATUSES, 'error_choose_one'),
		reason: z.string().trim().max(2000, 'error_too_long').catch('')
	})
	.refine((v) => v.status !== 'declined' || v.reason.length > 0, { message: 'error_decline_reason', path: ['reason'] });

export interface BulkOutcome {
	action: 'status' | 'unassign';
	status: CaseStatus | null;
	/** The numbers of the cases changed. */
	changed: number[];
	/** Cases left as they were, by why: done or declined already; already in the status asked for; no one handled them. */
	skipped: { closed: number[]; same: number[]; unassigned: number[] };
	/** The same form was sent before (a double click, the browser resending it) and carried out then. */
	repeated: boolean;
}

const outcome = (action: BulkOutcome['action'], status: CaseStatus | null, parts: Partial<Pick<BulkOutcome, 'changed' | 'repeated'>> & Partial<BulkOutcome['skipped']> = {}): BulkOutcome => ({
	action,
	status,
	changed: parts.changed ?? [],
	skipped: { closed: parts.closed ?? [], same: parts.same ?? [], unassigned: parts.unassigned ?? [] },
	repeated: parts.repeated ?? false
});

/** Every error of the form at once: no case ticked, and what is wrong with the status and reason. */
function checkStatusForm(caseIds: string[], input: Record<string, string>) {
	const fields: Partial<Record<string, MessageKey>> = caseIds.length ? {} : { cases: 'error_choose_at_least_one' };
	let data: z.output<typeof bulkStatusSchema> | null = null;
	try {
		data = parseInput(bulkStatusSchema, input);
	} catch (err) {
		if (!(err instanceof AppError) || err.code !== 'invalid_input') throw err;
		Object.assign(fields, err.fields);
	}
	if (!data || Object.keys(fields).length) throw invalidInput(fields);
	return data;
}

/** The cases' rows, locked until the transaction ends (a second form on the same cases waits), by number. */
function lockCases(tx: ServiceContext, institutionId: string, ids: string[]) {
	return tx.db
		.select()
		.from(welcomeCase)
		.where(and(eq(welcomeCase.institutionId, institutionId), inArray(welcomeCase.id, ids)))
		.orderBy(asc(welcomeCase.number))
		.for('update');
}

/** Sets the status of the ticked cases: in progress, waiting, done, or declined with one reason for all. */
export async function bulkCaseStatus(ctx: ServiceContext, institutionId: string, caseIds: string[], input: Record<string, string>): Promise<BulkOutcome> {
	authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	const data = checkStatusForm(caseIds, input);
	const ids = await ownCaseIds(ctx, institutionId, caseIds);
	const done = await inTransaction(ctx, async (tx) => {
		if (!(await claimSubmission(tx, input.submissionKey))) return null;
		const changed: (typeof welcomeCase.$inferSelect)[] = [];
		const closed: number[] = [];
		const same: number[] = [];
		for (const row of await lockCases(tx, institutionId, ids)) {
			if (CLOSED.includes(row.status)) closed.push(row.number);
			else if (row.status === data.status) same.push(row.number);
			else changed.push(await setCaseStatus(tx, institutionId, row, data.status, data.reason));
		}
		return { changed, closed, same };
	});
	if (!done) return outcome('status', data.status, { repeated: true });
	await tellApplicants(ctx, done.changed);
	return outcome('status', data.status, { changed: done.changed.map((c) => c.number), closed: done.closed, same: done.same });
}

/** Takes the ticked cases off whoever handled them. */
export async function bulkUnassign(ctx: ServiceContext, institutionId: string, caseIds: string[], input: Record<string, string>): Promise<BulkOutcome> {
	authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	const ids = await ownCaseIds(ctx, institutionId, caseIds);
	const done = await inTransaction(ctx, async (tx) => {
		if (!(await claimSubmission(tx, input.submissionKey))) return null;
		const rows = await lockCases(tx, institutionId, ids);
		const changed = new Set(await setCaseAssignee(tx, institutionId, ids, null));
		return { changed: rows.filter((r) => changed.has(r.id)).map((r) => r.number), unassigned: rows.filter((r) => !changed.has(r.id)).map((r) => r.number) };
	});
	if (!done) return outcome('unassign', null, { repeated: true });
	return outcome('unassign', null, done);
}

/**
 * Each applicant whose case changed is told, in their language, once the changes are committed:
 * a rolled-back change mails no one. A mail that cannot be recorded is logged; the changes stand.
 */
async function tellApplicants(ctx: ServiceContext, rows: (typeof welcomeCase.$inferSelect)[]) {
	for (const row of rows) {
		try {
			await notifyApplicant(ctx, row, 'case_status');
		} catch (error) {
			ctx.logger.error('case status mail failed', { caseId: row.id, error });
		}
	}
}
