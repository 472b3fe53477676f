import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { authorizeInstitution, canInstitution, INSTITUTION_ACTIONS, type InstitutionRole } from '../access/policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { person } from '../auth/auth.views';
import { todayIn } from '../guides/planner.service';
import { membersWithRoles } from '../institutions/members.service';
import { inTransaction, type ServiceContext } from '../platform/context';
import { AppError, invalidInput, notFound, staleEdit } from '../platform/errors';
import { claimSubmission, onlyOnce, RepeatedSubmission } from '../submissions/submissions.service';
import { parseInput, isUuid } from '../platform/validation';
import { storeCaseFiles } from './case-files';
import { staffResponded } from './case-response';
import { notifyApplicant } from './case-mail';
import { CASE_STATUSES, caseDocument, caseEvent, OPEN_STATUSES, welcomeCase, welcomeCaseTally, isOpenCase, type CaseStatus } from './cases.tables';
import { CLOSED, readMessage } from './cases.service';
import { incomingProfile } from './incoming.tables';
import { institutionPlace } from './present';

/**
 * The staff side of the welcome centre: the queue of an institution's cases, and handling one
 * case (status, assignee, internal notes, messages to the applicant). Everything is scoped to
 * the institution: another institution's case is not found.
 */
export const QUEUE_PAGE_SIZE = 50;

export const queueSchema = z.object({
	status: z.enum(['open', 'all', ...CASE_STATUSES]).catch('open'),
	service: z.uuid().or(z.literal('')).catch(''),
	assignee: z.string().max(100).catch(''),
	overdue: z.enum(['', '1']).catch(''),
	/** Only cases whose applicant wrote last. */
	replied: z.enum(['', '1']).catch(''),
	sort: z.enum(['due', 'submitted']).catch('due'),
	/** A case number, or part of the applicant's name or e-mail, or their whole passport number. */
	q: z.string().trim().max(100).catch(''),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});
export type QueueFilters = z.output<typeof queueSchema>;

async function institutionToday(ctx: ServiceContext, institutionId: string, now = ctx.clock.now()) {
	return todayIn((await institutionPlace(ctx, institutionId)).timeZone, now);
}

/**
 * The applicant wrote last: the case waits for the centre's answer. Written out because drizzle
 * leaves the outer table's columns unqualified, and "id" would mean the event's.
 */
const awaitingReply = sql<boolean>`coalesce((select e.author_id = welcome_case.applicant_id from case_event e where e.case_id = welcome_case.id and e.kind = 'message' order by e.created_at desc limit 1), false)`;

/** What the workspace overview shows a welcome centre: the open cases that need someone now. */
export async function caseSummary(ctx: ServiceContext, institutionId: string, now = ctx.clock.now()) {
	authorizeInstitution(ctx.actor, 'case.view', institutionId);
	const today = await institutionToday(ctx, institutionId, now);
	const open = and(eq(welcomeCase.institutionId, institutionId), isOpenCase());
	const n = (extra?: SQL) => ctx.db.select({ n: count() }).from(welcomeCase).where(extra ? and(open, extra) : open).then(([row]) => Number(row?.n ?? 0));
	const [total, fresh, overdue, unassigned, mine, replied] = await Promise.all([
		n(),
		n(eq(welcomeCase.status, 'submitted')),
		n(lt(welcomeCase.dueOn, today)),
		n(isNull(welcomeCase.assigneeId)),
		n(eq(welcomeCase.assigneeId, ctx.actor!.userId)),
		n(awaitingReply)
	]);
	return { open: total, new: fresh, overdue, unassigned, mine, replied };
}

/** Cases whose number is the text, or whose applicant's name or e-mail contains it, or whose passport number it is. */
function matchesSearch(text: string) {
	const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const passport = text.toUpperCase().replace(/\s+/g, '');
	const number = /^#?\d{1,9}$/.test(text) ? Number(text.replace('#', '')) : null;
	return or(
		...(number !== null ? [eq(welcomeCase.number, number)] : []),
		sql`exists (select 1 from ${person} u where u.id = welcome_case.applicant_id and (lower(u.name) like ${pattern} or lower(u.email) like ${pattern}))`,
		sql`exists (select 1 from incoming_profile p where p.user_id = welcome_case.applicant_id and upper(replace(p.passport_number, ' ', '')) = ${passport})`
	)!;
}

/**
 * The queue's selection: the institution's cases that match the filters (from `queueSchema`),
 * in the queue's order. The one reading of the filters, for the queue and its export.
 */
export function queueSelection(ctx: ServiceContext, institutionId: string, filters: QueueFilters, today: string) {
	const where: SQL[] = [eq(welcomeCase.institutionId, institutionId)];
	if (filters.status === 'open') where.push(isOpenCase());
	else if (filters.status !== 'all') where.push(eq(welcomeCase.status, filters.status));
	if (filters.service) where.push(eq(welcomeCase.serviceId, filters.service));
	if (filters.assignee === 'me') where.push(eq(welcomeCase.assigneeId, ctx.actor!.userId));
	else if (filters.assignee === 'none') where.push(isNull(welcomeCase.assigneeId));
	else if (filters.assignee) where.push(eq(welcomeCase.assigneeId, filters.assignee));
	if (filters.overdue) where.push(isOpenCase(), lt(welcomeCase.dueOn, today));
	if (filters.q) where.push(matchesSearch(filters.q));
	if (filters.replied) where.push(isOpenCase(), awaitingReply);
	const order = filters.sort === 'due' ? [asc(welcomeCase.dueOn), asc(welcomeCase.number)] : [desc(welcomeCase.submittedAt), desc(welcomeCase.number)];
	return { where: and(...where)!, order };
}

/** The queue: filtered, sorted by due date (or newest), a page at a time, with counts. */
export async function caseQueue(ctx: ServiceContext, institutionId: string, query: Record<string, string>, now = ctx.clock.now()) {
	authorizeInstitution(ctx.actor, 'case.view', institutionId);
	const filters = queueSchema.parse(query);
	const today = await institutionToday(ctx, institutionId, now);
	const selection = queueSelection(ctx, institutionId, filters, today);
	const applicant = sql<string | null>`(select ${person.name} from ${person} where ${person.id} = ${welcomeCase.applicantId})`;
	const assignee = sql<string | null>`(select ${person.name} from ${person} where ${person.id} = ${welcomeCase.assigneeId})`;
	// The status counts come from the tally, and the overdue ones are counted anyway: the total
	// needs a count of its own only when the filters go beyond them.
	const totalFromCounts = !filters.service && !filters.assignee && !filters.q && !filters.replied && (!filters.overdue || filters.status === 'open' || filters.status === 'all');
	const [rows, tally, [late], counted] = await Promise.all([
		ctx.db
			.select({ id: welcomeCase.id, number: welcomeCase.number, service: welcomeCase.service, status: welcomeCase.status, dueOn: welcomeCase.dueOn, submittedAt: welcomeCase.submittedAt, assigneeId: welcomeCase.assigneeId, applicant, assignee, awaitingReply })
			.from(welcomeCase)
			.where(selection.where)
			.orderBy(...selection.order)
			.limit(QUEUE_PAGE_SIZE)
			.offset((filters.page - 1) * QUEUE_PAGE_SIZE),
		ctx.db.select({ status: welcomeCaseTally.status, n: welcomeCaseTally.n }).from(welcomeCaseTally).where(eq(welcomeCaseTally.institutionId, institutionId)),
		ctx.db
			.select({ n: count() })
			.from(welcomeCase)
			.where(and(eq(welcomeCase.institutionId, institutionId), isOpenCase(), lt(welcomeCase.dueOn, today))),
		totalFromCounts ? null : ctx.db.select({ n: count() }).from(welcomeCase).where(selection.where)
	]);
	const counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, tally.find((t) => t.status === s)?.n ?? 0])) as Record<CaseStatus, number>;
	const overdue = Number(late?.n ?? 0);
	const sum = (statuses: readonly CaseStatus[]) => statuses.reduce((total, s) => total + counts[s], 0);
	const total = counted
		? Number(counted[0]?.n ?? 0)
		: filters.overdue
			? overdue
			: sum(filters.status === 'all' ? CASE_STATUSES : filters.status === 'open' ? OPEN_STATUSES : [filters.status]);
	return {
		filters,
		today,
		cases: rows.map((r) => ({ ...r, overdue: OPEN_STATUSES.includes(r.status) && r.dueOn < today })),
		total,
		counts,
		overdue,
		pageSize: QUEUE_PAGE_SIZE
	};
}

/** Members who may handle cases: the choices for "assign to". */
export async function caseHandlers(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'case.view', institutionId);
	return membersWithRoles(ctx, institutionId, INSTITUTION_ACTIONS['case.handle'] as readonly InstitutionRole[]);
}

/** One of the institution's cases, or null (another institution's, or none). Callers authorize. */
export async function findInstitutionCase(ctx: ServiceContext, institutionId: string, caseId: string) {
	if (!isUuid(caseId)) return null;
	const [row] = await ctx.db.select().from(welcomeCase).where(and(eq(welcomeCase.id, caseId), eq(welcomeCase.institutionId, institutionId)));
	return row ?? null;
}

async function scopedCase(ctx: ServiceContext, institutionId: string, caseId: string) {
	const row = await findInstitutionCase(ctx, institutionId, caseId);
	if (!row) throw notFound();
	return row;
}

/**
 * One of the institution's cases with its applicant's name and profile (each null when gone or
 * not filled in), for what staff issue from it (letters); null for no such case. Callers authorize.
 */
export async function caseWithApplicantProfile(ctx: ServiceContext, institutionId: string, caseId: string) {
	if (!isUuid(caseId)) return null;
	const [found] = await ctx.db
		.select({ case: welcomeCase, profile: incomingProfile, name: person.name })
		.from(welcomeCase)
		.leftJoin(person, eq(person.id, welcomeCase.applicantId))
		.leftJoin(incomingProfile, eq(incomingProfile.userId, welcomeCase.applicantId))
		.where(and(eq(welcomeCase.id, caseId), eq(welcomeCase.institutionId, institutionId)));
	return found ?? null;
}

/** One case with everything staff need: the applicant and their profile, files, full history. */
export async function getCase(ctx: ServiceContext, institutionId: string, caseId: string) {
	authorizeInstitution(ctx.actor, 'case.view', institutionId);
	const row = await scopedCase(ctx, institutionId, caseId);
	const [events, documents, applicant, handlers] = await Promise.all([
		ctx.db
			.select({ id: caseEvent.id, kind: caseEvent.kind, body: caseEvent.body, data: caseEvent.data, createdAt: caseEvent.createdAt, authorId: caseEvent.authorId, authorName: person.name })
			.from(caseEvent)
			.leftJoin(person, eq(person.id, caseEvent.authorId))
			.where(eq(caseEvent.caseId, row.id))
			.orderBy(caseEvent.seq),
		ctx.db.select().from(caseDocument).where(eq(caseDocument.caseId, row.id)).orderBy(caseDocument.createdAt),
		row.applicantId
			? ctx.db
					.select({ id: person.id, name: person.name, email: person.email, locale: person.locale, profile: incomingProfile })
					.from(person)
					.leftJoin(incomingProfile, eq(incomingProfile.userId, person.id))
					.where(eq(person.id, row.applicantId))
					.then((r) => r[0] ?? null)
			: null,
		caseHandlers(ctx, institutionId)
	]);
	return { case: row, events, documents, applicant, handlers, canHandle: canInstitution(ctx.actor, 'case.handle', institutionId), today: await institutionToday(ctx, institutionId) };
}

const statusSchema = z
	.object({
		status: z.enum(CASE_STATUSES, 'error_choose_one'),
		reason: z.string().trim().max(2000, 'error_too_long'),
		version: z.coerce.number().int().min(1)
	})
	.refine((v) => v.status !== 'declined' || v.reason.length > 0, { message: 'error_decline_reason', path: ['reason'] });

/** Moves a case to another status; declining needs a reason the applicant will read. */
export async function changeCaseStatus(ctx: ServiceContext, institutionId: string, caseId: string, input: Record<string, string>) {
	authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	const data = parseInput(statusSchema, input);
	const row = await scopedCase(ctx, institutionId, caseId);
	if (row.status === data.status) return row;
	return inTransaction(ctx, async (tx) => {
		const updated = await setCaseStatus(tx, institutionId, row, data.status, data.reason, data.version);
		await notifyApplicant(tx, updated, 'case_status');
		return updated;
	});
}

/**
 * One case's move to another status, inside the caller's transaction: the row (if still at
 * `version`), its status event (a decline's reason as its body), the assignment to the actor
 * when no one had it, and the audit entry. For one case and for many (case-bulk.service.ts).
 */
export async function setCaseStatus(tx: ServiceContext, institutionId: string, row: typeof welcomeCase.$inferSelect, status: CaseStatus, reason: string, version = row.version) {
	const closing = CLOSED.includes(status);
	const [updated] = await tx.db
		.update(welcomeCase)
		.set({
			status,
			declineReason: status === 'declined' ? reason : null,
			closedAt: closing ? new Date() : null,
			firstResponseAt: row.firstResponseAt ?? new Date(),
			assigneeId: row.assigneeId ?? tx.actor!.userId,
			updatedAt: new Date(),
			version: sql`${welcomeCase.version} + 1`
		})
		.where(and(eq(welcomeCase.id, row.id), eq(welcomeCase.institutionId, institutionId), eq(welcomeCase.version, version)))
		.returning();
	if (!updated) throw staleEdit();
	await tx.db.insert(caseEvent).values({ caseId: row.id, kind: 'status', authorId: tx.actor!.userId, body: status === 'declined' ? reason : null, data: { from: row.status, to: status } });
	if (!row.assigneeId) await tx.db.insert(caseEvent).values({ caseId: row.id, kind: 'assigned', authorId: tx.actor!.userId, data: { to: tx.actor!.userId } });
	await recordAudit(tx, { entityType: 'welcome_case', entityId: row.id, institutionId, action: 'case.status', changes: diffFields({ status: row.status, declineReason: row.declineReason }, { status: updated.status, declineReason: updated.declineReason }) });
	return updated;
}

/** Assigns cases (one or many, from the queue) to a handler, or to no one (`assignee` empty). */
export async function assignCases(ctx: ServiceContext, institutionId: string, caseIds: string[], assigneeInput: string) {
	authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	const ids = await ownCaseIds(ctx, institutionId, caseIds);
	const assignee = assigneeInput === 'me' ? ctx.actor!.userId : assigneeInput;
	if (assignee && !(await caseHandlers(ctx, institutionId)).some((h) => h.id === assignee)) throw invalidInput({ assignee: 'error_choose_one' });
	return inTransaction(ctx, async (tx) => (await setCaseAssignee(tx, institutionId, ids, assignee || null)).length);
}

/**
 * The distinct cases a form from the queue names. Every one must be this institution's:
 * otherwise nothing changes and the answer is 404, as for one case, so staff are never told
 * something happened that did not.
 */
export async function ownCaseIds(ctx: ServiceContext, institutionId: string, caseIds: string[]) {
	const ids = [...new Set(caseIds)];
	if (!ids.length) throw invalidInput({ cases: 'error_choose_at_least_one' });
	if (ids.length > 500 || ids.some((id) => !isUuid(id))) throw notFound();
	const own = await ctx.db.select({ id: welcomeCase.id }).from(welcomeCase).where(and(eq(welcomeCase.institutionId, institutionId), inArray(welcomeCase.id, ids)));
	if (own.length !== ids.length) throw notFound();
	return ids;
}

/**
 * Gives cases to a handler, or to no one (null), inside the caller's transaction: each case
 * whose assignee changes gets its event and audit entry. Returns the ids of those.
 */
export async function setCaseAssignee(tx: ServiceContext, institutionId: string, ids: string[], assignee: string | null) {
	const before = await tx.db
		.select({ id: welcomeCase.id, assigneeId: welcomeCase.assigneeId })
		.from(welcomeCase)
		.where(and(eq(welcomeCase.institutionId, institutionId), inArray(welcomeCase.id, ids)))
		.for('update');
	const changing = before.filter((c) => c.assigneeId !== assignee);
	if (!changing.length) return [];
	await tx.db
		.update(welcomeCase)
		.set({ assigneeId: assignee, updatedAt: new Date(), version: sql`${welcomeCase.version} + 1` })
		.where(and(eq(welcomeCase.institutionId, institutionId), inArray(welcomeCase.id, changing.map((c) => c.id))));
	await tx.db.insert(caseEvent).values(changing.map((c) => ({ caseId: c.id, kind: 'assigned' as const, authorId: tx.actor!.userId, data: { to: assignee } })));
	for (const c of changing) await recordAudit(tx, { entityType: 'welcome_case', entityId: c.id, institutionId, action: 'case.assign', changes: { assigneeId: { from: c.assigneeId, to: assignee } } });
	return changing.map((c) => c.id);
}

/** An internal note: staff only, never shown to the applicant. */
export async function addCaseNote(ctx: ServiceContext, institutionId: string, caseId: string, input: Record<string, string>) {
	authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	const row = await scopedCase(ctx, institutionId, caseId);
	const body = (input.note ?? '').trim();
	if (!body) throw invalidInput({ note: 'error_required' });
	if (body.length > 5000) throw invalidInput({ note: 'error_too_long' });
	await inTransaction(ctx, async (tx) => {
		if (await claimSubmission(tx, input.submissionKey)) await tx.db.insert(caseEvent).values({ caseId: row.id, kind: 'note', authorId: ctx.actor!.userId, body });
	});
}

/** A message to the applicant (with attachments), who is told by e-mail in their language. */
export async function postStaffMessage(ctx: ServiceContext, institutionId: string, caseId: string, input: Record<string, string>, form?: FormData) {
	authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	const row = await scopedCase(ctx, institutionId, caseId);
	if (CLOSED.includes(row.status)) throw new AppError('invalid_input', 'error_case_closed', { body: 'error_case_closed' });
	const message = await readMessage(input, form);
	const stored = await storeCaseFiles(ctx, row.id, message.files.map((file) => ({ documentKey: 'attachment', file })));
	try {
		return await inTransaction(ctx, async (tx) => {
			await onlyOnce(tx, input.submissionKey);
			if (stored.length) await tx.db.insert(caseDocument).values(stored.map((f) => ({ ...f, caseId: row.id, institutionId, uploadedById: ctx.actor!.userId })));
			await tx.db.insert(caseEvent).values({ caseId: row.id, kind: 'message', authorId: ctx.actor!.userId, body: message.body || null, data: { documentIds: stored.map((f) => f.id) } });
			const updated = await staffResponded(tx, institutionId, row);
			await notifyApplicant(tx, updated, 'case_message');
			return updated;
		});
	} catch (err) {
		await Promise.all(stored.map((f) => ctx.media.delete(f.storageKey)));
		if (err instanceof RepeatedSubmission) return null;
		throw err;
	}
}

/**
 * A case's file, for the applicant or the institution's staff; every read of a file is audited
 * (identity documents among them). Anyone else: not found.
 */
export async function readCaseDocument(ctx: ServiceContext, documentId: string) {
	if (!ctx.actor) throw notFound();
	if (!isUuid(documentId)) throw notFound();
	const [doc] = await ctx.db
		.select({ doc: caseDocument, applicantId: welcomeCase.applicantId })
		.from(caseDocument)
		.innerJoin(welcomeCase, eq(welcomeCase.id, caseDocument.caseId))
		.where(eq(caseDocument.id, documentId));
	if (!doc) throw notFound();
	if (doc.applicantId !== ctx.actor.userId) authorizeInstitution(ctx.actor, 'case.view', doc.doc.institutionId);
	const body = await ctx.media.get(doc.doc.storageKey);
	if (!body) throw notFound();
	await recordAudit(ctx, { entityType: 'case_document', entityId: doc.doc.id, institutionId: doc.doc.institutionId, action: 'case_document.view', changes: { case: { from: null, to: doc.doc.caseId }, file: { from: null, to: doc.doc.fileName } } });
	return { ...doc.doc, body };
}
