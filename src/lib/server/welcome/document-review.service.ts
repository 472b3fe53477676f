import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DocumentRequest } from '$lib/welcome/service-form';
import { authorizeInstitution } from '../access/policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { person } from '../auth/auth.views';
import { institutionDirectory } from '../institutions/institutions.views';
import { inTransaction, type ServiceContext } from '../platform/context';
import { AppError, invalidInput, notFound } from '../platform/errors';
import { onlyOnce, RepeatedSubmission } from '../submissions/submissions.service';
import { checkFiles, filesOf, storeCaseFiles } from './case-files';
import { staffResponded } from './case-response';
import { notifyAssignee, notifyDocumentRejected } from './case-mail';
import { caseDocument, caseEvent, DOCUMENT_REVIEWS, OPEN_STATUSES, welcomeCase, type CaseStatus, type DocumentReview } from './cases.tables';
import { requireSignedIn } from './incoming.service';
import { isUuid } from '../platform/validation';

/**
 * The checklist of the documents a case's service asks for: for each, the file (or files)
 * uploaded last, staff's check of it (accepted, or rejected with a reason and asked again) and
 * the earlier versions. Staff review the current version; the applicant replaces a rejected or
 * missing document, which starts a new version waiting for review. Files uploaded together (in
 * one transaction, so with one timestamp) are one version: the request form takes several files
 * per document (front and back of a card).
 */
type CaseDocument = typeof caseDocument.$inferSelect;
type CaseRow = typeof welcomeCase.$inferSelect;

export type DocumentState = 'missing' | DocumentReview;

export interface DocumentVersion {
	files: { id: string; fileName: string; bytes: number; mime: string }[];
	uploadedAt: Date;
	uploadedById: string | null;
	review: DocumentReview;
	reason: string | null;
	reviewedById: string | null;
	reviewedAt: Date | null;
}

export interface ChecklistItem {
	key: string;
	label: DocumentRequest['label'];
	required: boolean;
	state: DocumentState;
	/** The version uploaded last; null when nothing was uploaded. */
	current: DocumentVersion | null;
	/** Earlier versions, newest first. */
	history: DocumentVersion[];
}

const MAX_REASON = 2000;

function versionOf(rows: CaseDocument[]): DocumentVersion {
	const first = rows[0]!;
	// One version is reviewed as a whole; should its files ever disagree, the worst state counts.
	const review: DocumentReview = rows.some((r) => r.review === 'rejected') ? 'rejected' : rows.some((r) => r.review === 'pending') ? 'pending' : 'accepted';
	const decided = rows.find((r) => r.review === review) ?? first;
	return {
		files: rows.map((r) => ({ id: r.id, fileName: r.fileName, bytes: r.bytes, mime: r.mime })),
		uploadedAt: first.createdAt,
		uploadedById: first.uploadedById,
		review,
		reason: decided.reviewReason,
		reviewedById: decided.reviewedById,
		reviewedAt: decided.reviewedAt
	};
}

/** The checklist of a case, from its service snapshot's requests and its files (any order). Pure. */
export function documentChecklist(requests: readonly DocumentRequest[], documents: readonly CaseDocument[]): ChecklistItem[] {
	return requests.map((request) => {
		const byTime = new Map<number, CaseDocument[]>();
		for (const doc of documents.filter((d) => d.documentKey === request.key).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))) {
			const at = doc.createdAt.getTime();
			byTime.set(at, [...(byTime.get(at) ?? []), doc]);
		}
		const versions = [...byTime.values()].map(versionOf).reverse();
		const [current = null, ...history] = versions;
		return { key: request.key, label: request.label, required: request.required, state: current?.review ?? 'missing', current, history };
	});
}

/** How many requested documents wait for staff's check (the case page's header). */
export const awaitingReview = (checklist: readonly ChecklistItem[]) => checklist.filter((item) => item.state === 'pending').length;

async function caseDocuments(ctx: ServiceContext, caseId: string, documentKey: string) {
	return ctx.db
		.select()
		.from(caseDocument)
		.where(and(eq(caseDocument.caseId, caseId), eq(caseDocument.documentKey, documentKey)));
}

const reviewSchema = z.object({
	decision: z.enum(['accept', 'reject']),
	/** The state the page showed: a decision taken on an older view is refused, not overwritten. */
	from: z.enum(DOCUMENT_REVIEWS),
	reviewReason: z.string().trim().max(MAX_REASON).default('')
});

export interface ReviewOutcome {
	documentKey: string;
	review: DocumentReview;
	/** The case's status afterwards, and whether this decision changed it (a rejection: to waiting for the applicant). */
	status: CaseStatus;
	statusChanged: boolean;
}

/**
 * Staff accept the current version of a requested document, or reject it with a reason the
 * applicant reads. A rejection is a case event in the applicant's thread, sets an open case to
 * "waiting for the applicant" and mails them (after the commit) in their language. Another
 * institution's case or document: not found. The same form sent twice changes things once.
 */
export async function reviewDocument(ctx: ServiceContext, institutionId: string, caseId: string, input: Record<string, string>): Promise<ReviewOutcome | null> {
	const actor = authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	if (!isUuid(caseId) || !isUuid(input.document ?? '')) throw notFound();
	const [found] = await ctx.db
		.select({ doc: caseDocument, case: welcomeCase })
		.from(caseDocument)
		.innerJoin(welcomeCase, eq(welcomeCase.id, caseDocument.caseId))
		.where(and(eq(caseDocument.id, input.document!), eq(caseDocument.caseId, caseId), eq(caseDocument.institutionId, institutionId), eq(welcomeCase.institutionId, institutionId)));
	const request = found?.case.service.documents.find((d) => d.key === found.doc.documentKey);
	// Letters and message attachments are not on the checklist.
	if (!found || !request) throw notFound();
	const row = found.case;

	const parsed = reviewSchema.safeParse(input);
	if (!parsed.success) {
		const tooLong = parsed.error.issues.some((i) => i.path[0] === 'reviewReason' && i.code === 'too_big');
		// Otherwise the decision or the shown state is not one of the form's: not sent from the page.
		throw tooLong ? invalidInput({ reviewReason: 'error_too_long' }) : new AppError('invalid_input', 'error_form_unreadable');
	}
	const { decision, from, reviewReason } = parsed.data;
	if (decision === 'reject' && !reviewReason) throw invalidInput({ reviewReason: 'review_error_reason_required' });
	if (!OPEN_STATUSES.includes(row.status)) throw new AppError('invalid_input', 'error_case_closed', { reviewReason: 'error_case_closed' });

	const [item] = documentChecklist([request], await caseDocuments(ctx, row.id, request.key));
	const current = item!.current!;
	if (!current.files.some((f) => f.id === found.doc.id)) throw new AppError('conflict', 'review_error_superseded');
	const target: DocumentReview = decision === 'accept' ? 'accepted' : 'rejected';
	// A second click after the first one went through: nothing more to do.
	if (current.review === target) return null;
	// Someone else decided since the page was shown: theirs stands, and this person sees it.
	if (current.review !== from) throw new AppError('conflict', 'review_error_changed');

	const now = ctx.clock.now();
	const nextStatus: CaseStatus = target === 'rejected' && (row.status === 'submitted' || row.status === 'in_progress') ? 'waiting' : target === 'accepted' && row.status === 'submitted' ? 'in_progress' : row.status;
	const fileIds = current.files.map((f) => f.id);
	let updated: CaseRow;
	try {
		updated = await inTransaction(ctx, async (tx) => {
			await onlyOnce(tx, input.submissionKey);
			const changed = await tx.db
				.update(caseDocument)
				.set({ review: target, reviewReason: target === 'rejected' ? reviewReason : null, reviewedById: actor.userId, reviewedAt: now })
				.where(and(inArray(caseDocument.id, fileIds), eq(caseDocument.review, from)))
				.returning({ id: caseDocument.id });
			if (changed.length !== fileIds.length) {
				// Someone decided in between: the same decision is a repeat, another one a conflict.
				const [latest] = await tx.db.select({ review: caseDocument.review }).from(caseDocument).where(eq(caseDocument.id, found.doc.id));
				if (latest?.review === target) throw new RepeatedSubmission();
				throw new AppError('conflict', 'review_error_changed');
			}
			await tx.db.insert(caseEvent).values({ caseId: row.id, kind: 'document', authorId: actor.userId, body: target === 'rejected' ? reviewReason : null, data: { review: target, documentKey: request.key, documentId: found.doc.id } });
			const saved = await staffResponded(tx, institutionId, row, { status: nextStatus, field: 'reviewReason', now });
			await recordAudit(tx, {
				entityType: 'case_document',
				entityId: found.doc.id,
				institutionId,
				action: 'case_document.review',
				changes: { ...diffFields({ review: current.review, reviewReason: current.reason }, { review: target, reviewReason: target === 'rejected' ? reviewReason : null }), document: { from: null, to: request.key }, files: { from: null, to: current.files.map((f) => f.fileName) } }
			});
			return saved;
		});
	} catch (err) {
		if (err instanceof RepeatedSubmission) return null;
		throw err;
	}
	if (target === 'rejected') {
		// After the commit: the applicant is never told of a rejection that did not happen.
		try {
			await notifyDocumentRejected(ctx, updated, request.label, reviewReason);
		} catch (error) {
			ctx.logger.error('document rejection mail failed', { caseId: row.id, error });
		}
	}
	return { documentKey: request.key, review: target, status: updated.status, statusChanged: updated.status !== row.status };
}

/**
 * The applicant uploads a requested document again: one that was rejected ("asked again") or
 * never sent. The files pass the same checks as the request's (type by content, size, no photo
 * metadata) and become a new version waiting for review; the earlier one stays as history. For
 * the staff it is the applicant's reply (a message event carrying the files): a case waiting
 * for the applicant goes back to them, the queue marks it replied and whoever handles it is told.
 */
export async function uploadDocument(ctx: ServiceContext, caseId: string, input: Record<string, string>, form?: FormData) {
	const actor = requireSignedIn(ctx);
	if (!isUuid(caseId)) throw notFound();
	const [row] = await ctx.db.select().from(welcomeCase).where(and(eq(welcomeCase.id, caseId), eq(welcomeCase.applicantId, actor.userId)));
	if (!row) throw notFound();
	const request = row.service.documents.find((d) => d.key === input.documentKey);
	if (!request) throw notFound();
	if (!OPEN_STATUSES.includes(row.status)) throw new AppError('invalid_input', 'error_case_closed', { upload: 'error_case_closed' });
	const [item] = documentChecklist([request], await caseDocuments(ctx, row.id, request.key));
	if (item!.state !== 'missing' && item!.state !== 'rejected') throw new AppError('invalid_input', 'review_error_not_asked', { upload: 'review_error_not_asked' });
	const checked = await checkFiles(await filesOf(form, 'upload'));
	if (checked.error) throw invalidInput({ upload: checked.error });
	if (!checked.files.length) throw invalidInput({ upload: 'error_file_required' });

	const stored = await storeCaseFiles(ctx, row.id, checked.files.map((file) => ({ documentKey: request.key, file })));
	let updated: CaseRow;
	try {
		updated = await inTransaction(ctx, async (tx) => {
			await onlyOnce(tx, input.submissionKey);
			await tx.db.insert(caseDocument).values(stored.map((f) => ({ ...f, caseId: row.id, institutionId: row.institutionId, uploadedById: actor.userId })));
			await tx.db.insert(caseEvent).values({ caseId: row.id, kind: 'message', authorId: actor.userId, data: { documentIds: stored.map((f) => f.id), documentKey: request.key } });
			const [saved] = await tx.db
				.update(welcomeCase)
				.set({ updatedAt: new Date(), ...(row.status === 'waiting' ? { status: 'in_progress' as const } : {}), version: sql`${welcomeCase.version} + 1` })
				.where(and(eq(welcomeCase.id, row.id), inArray(welcomeCase.status, [...OPEN_STATUSES])))
				.returning();
			if (!saved) throw new AppError('invalid_input', 'error_case_closed', { upload: 'error_case_closed' });
			if (row.status === 'waiting') await tx.db.insert(caseEvent).values({ caseId: row.id, kind: 'status', authorId: actor.userId, data: { from: 'waiting', to: 'in_progress' } });
			await recordAudit(tx, { entityType: 'welcome_case', entityId: row.id, institutionId: row.institutionId, action: 'case_document.upload', changes: { document: { from: null, to: request.key }, files: { from: item!.current?.files.map((f) => f.fileName) ?? null, to: stored.map((f) => f.fileName) } } });
			return saved;
		});
	} catch (err) {
		await Promise.all(stored.map((f) => ctx.media.delete(f.storageKey)));
		if (err instanceof RepeatedSubmission) return null;
		throw err;
	}
	try {
		const [[slug], [me]] = await Promise.all([
			ctx.db.select({ slug: institutionDirectory.slug }).from(institutionDirectory).where(eq(institutionDirectory.id, row.institutionId)),
			ctx.db.select({ name: person.name }).from(person).where(eq(person.id, actor.userId))
		]);
		if (slug) await notifyAssignee(ctx, updated, me?.name ?? actor.email, slug.slug);
	} catch (error) {
		ctx.logger.error('new document mail failed', { caseId: row.id, error });
	}
	return { documentKey: request.key };
}

/** The checklist as pages show it: texts in the reader's language, dates formatted on the server. */
export function checklistForPage(checklist: readonly ChecklistItem[], format: { label: (item: ChecklistItem) => string; dateTime: (at: Date) => string; name?: (userId: string | null) => string | null }) {
	const version = (v: DocumentVersion) => ({
		files: v.files.map((f) => ({ id: f.id, fileName: f.fileName, bytes: f.bytes })),
		sentText: format.dateTime(v.uploadedAt),
		review: v.review,
		reason: v.reason,
		decidedText: v.reviewedAt && v.review !== 'pending' ? format.dateTime(v.reviewedAt) : null,
		decidedBy: v.review !== 'pending' && format.name ? format.name(v.reviewedById) : null
	});
	return checklist.map((item) => ({
		key: item.key,
		label: format.label(item),
		required: item.required,
		state: item.state,
		current: item.current && version(item.current),
		history: item.history.map(version)
	}));
}
