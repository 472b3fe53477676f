import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { MessageKey } from '$lib/i18n/messages';
import { checkAnswers } from '$lib/welcome/service-form';
import { diffFields, recordAudit } from '../audit/audit.service';
import { person } from '../auth/auth.views';
import { addWorkingDays } from '../guides/deadlines';
import { loadWorkingCalendar } from '../guides/guides.service';
import { todayIn } from '../guides/planner.service';
import { institutionDirectory } from '../institutions/institutions.views';
import { directoryShortNameIn } from '../institutions/short-name';
import { inTransaction, type ServiceContext } from '../platform/context';
import { AppError, invalidInput, notFound, staleEdit } from '../platform/errors';
import { failpoint } from '../platform/failpoints';
import { onlyOnce, RepeatedSubmission } from '../submissions/submissions.service';
import { welcomeService } from './catalogue.tables';
import { checkFiles, filesOf, storeCaseFiles, type CheckedFile } from './case-files';
import { notifyApplicant, notifyAssignee } from './case-mail';
import { caseDocument, caseEvent, welcomeCase } from './cases.tables';
import { getOwnProfile, requireSignedIn, type IncomingProfile } from './incoming.service';
import { institutionPlace } from './present';
import { INVITATION_SERVICE_CODE, markVisaApplicationStarted } from './timeline.service';

/**
 * The incoming person's side of the welcome centre: which services they may request at their
 * destination, the request itself (answers checked against the service's design, documents
 * checked by content), their cases and the message thread with staff.
 */
export type WelcomeCase = typeof welcomeCase.$inferSelect;
import { CLOSED_STATUSES } from '$lib/welcome/case-status';
import { isUuid } from '../platform/validation';

/** Done or declined: no more messages either way. */
export const CLOSED = CLOSED_STATUSES;
export const MAX_MESSAGE = 5000;

const isFor = (service: { audiences: string[] }, profile: IncomingProfile) =>
	service.audiences.includes(profile.kind) || (profile.family.length > 0 && service.audiences.includes('family'));

/** The active services of the person's destination that are offered to them. */
export async function requestableServices(ctx: ServiceContext) {
	const profile = await getOwnProfile(ctx);
	if (!profile.institutionId) return { profile, services: [] };
	const services = await ctx.db
		.select()
		.from(welcomeService)
		.where(and(eq(welcomeService.institutionId, profile.institutionId), eq(welcomeService.active, true)))
		.orderBy(welcomeService.position, welcomeService.code);
	return { profile, services: services.filter((s) => isFor(s, profile)) };
}

/** One service the person may request now (404 for another institution's or an inactive one). */
export async function serviceToRequest(ctx: ServiceContext, serviceId: string) {
	const profile = await getOwnProfile(ctx);
	if (!profile.institutionId) throw new AppError('invalid_input', 'error_profile_incomplete');
	if (!isUuid(serviceId)) throw notFound();
	const [service] = await ctx.db
		.select()
		.from(welcomeService)
		.where(and(eq(welcomeService.id, serviceId), eq(welcomeService.institutionId, profile.institutionId), eq(welcomeService.active, true)));
	if (!service) throw notFound();
	if (!isFor(service, profile)) throw new AppError('invalid_input', 'error_service_not_for_you');
	return { profile, service };
}

/** Today at the institution (its country's time zone) and the day `days` working days later. */
export async function dueDate(ctx: ServiceContext, institutionId: string, days: number, now = ctx.clock.now()) {
	const place = await institutionPlace(ctx, institutionId);
	const today = todayIn(place.timeZone, now);
	const calendar = await loadWorkingCalendar(ctx, place.countryCode, today, `${Number(today.slice(0, 4)) + 1}-12-31`);
	return addWorkingDays(today, days, calendar);
}

/**
 * Submits a request. Answers and files are checked first and every error is reported at once;
 * a second submit of the same form (its `submissionKey`) returns the case the first one made.
 */
export async function submitRequest(ctx: ServiceContext, serviceId: string, input: Record<string, string>, form?: FormData, now = ctx.clock.now()) {
	const actor = requireSignedIn(ctx);
	const { service } = await serviceToRequest(ctx, serviceId);
	const submissionKey = (input.submissionKey ?? '').trim();
	if (!isUuid(submissionKey)) throw invalidInput({}, 'error_stale_edit');
	const [already] = await ctx.db
		.select()
		.from(welcomeCase)
		.where(and(eq(welcomeCase.applicantId, actor.userId), eq(welcomeCase.submissionKey, submissionKey)));
	if (already) return already;

	const { answers, errors } = checkAnswers(service.questions, input);
	const fieldErrors: Record<string, MessageKey> = { ...errors };
	const uploads: { documentKey: string; file: CheckedFile }[] = [];
	for (const doc of service.documents) {
		const checked = await checkFiles(await filesOf(form, `doc.${doc.key}`));
		if (checked.error) fieldErrors[`doc.${doc.key}`] = checked.error;
		else if (doc.required && !checked.files.length) fieldErrors[`doc.${doc.key}`] = 'error_file_required';
		uploads.push(...checked.files.map((file) => ({ documentKey: doc.key, file })));
	}
	if (Object.keys(fieldErrors).length) throw invalidInput(fieldErrors);

	const dueOn = await dueDate(ctx, service.institutionId, service.turnaroundDays, now);
	const caseId = crypto.randomUUID();
	const stored = await storeCaseFiles(ctx, caseId, uploads);
	try {
		return await inTransaction(ctx, async (tx) => {
			// One number after another per institution, even when two requests arrive together.
			await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${'welcome_case:' + service.institutionId}))`);
			const [{ next }] = (await tx.db
				.select({ next: sql<number>`coalesce(max(${welcomeCase.number}), 0) + 1` })
				.from(welcomeCase)
				.where(eq(welcomeCase.institutionId, service.institutionId))) as [{ next: number }];
			const [created] = await tx.db
				.insert(welcomeCase)
				.values({
					id: caseId,
					institutionId: service.institutionId,
					number: Number(next),
					serviceId: service.id,
					service: { code: service.code, name: service.name, questions: service.questions, documents: service.documents, turnaroundDays: service.turnaroundDays },
					applicantId: actor.userId,
					answers,
					dueOn,
					submissionKey
				})
				.onConflictDoNothing()
				.returning();
			if (!created) {
				// The same form arrived twice at once: the other submit made the case.
				const [first] = await tx.db.select().from(welcomeCase).where(and(eq(welcomeCase.applicantId, actor.userId), eq(welcomeCase.submissionKey, submissionKey)));
				throw Object.assign(staleEdit(), { existing: first });
			}
			if (stored.length) await tx.db.insert(caseDocument).values(stored.map((f) => ({ ...f, caseId, institutionId: service.institutionId, uploadedById: actor.userId })));
			await tx.db.insert(caseEvent).values({ caseId, kind: 'submitted', authorId: actor.userId, data: { documentIds: stored.map((f) => f.id) } });
			await recordAudit(tx, { entityType: 'welcome_case', entityId: caseId, institutionId: service.institutionId, action: 'case.submit', changes: diffFields(null, { service: service.code, answers, documents: stored.map((f) => f.fileName) }) });
			// Asking for the invitation letter starts the visa application: the timeline shows that step done.
			if (service.code === INVITATION_SERVICE_CODE) await markVisaApplicationStarted(tx, actor.userId);
			await notifyApplicant(tx, created, 'case_submitted');
			// The case, its documents, event, audit and mail are written, none committed (faults.int.test.ts).
			failpoint('welcome.submit.before-commit');
			return created;
		});
	} catch (err) {
		await Promise.all(stored.map((f) => ctx.media.delete(f.storageKey)));
		const existing = (err as { existing?: WelcomeCase }).existing;
		if (existing) return existing;
		throw err;
	}
}

/** The person's own cases, newest first. */
export async function myCases(ctx: ServiceContext) {
	const actor = requireSignedIn(ctx);
	return ctx.db
		.select({ id: welcomeCase.id, number: welcomeCase.number, service: welcomeCase.service, status: welcomeCase.status, dueOn: welcomeCase.dueOn, submittedAt: welcomeCase.submittedAt, updatedAt: welcomeCase.updatedAt, institution: directoryShortNameIn(ctx.locale) })
		.from(welcomeCase)
		.innerJoin(institutionDirectory, eq(institutionDirectory.id, welcomeCase.institutionId))
		.where(eq(welcomeCase.applicantId, actor.userId))
		.orderBy(desc(welcomeCase.submittedAt));
}

async function ownCase(ctx: ServiceContext, caseId: string) {
	const actor = requireSignedIn(ctx);
	if (!isUuid(caseId)) throw notFound();
	const [row] = await ctx.db.select().from(welcomeCase).where(and(eq(welcomeCase.id, caseId), eq(welcomeCase.applicantId, actor.userId)));
	if (!row) throw notFound();
	return row;
}

/** Whether the case is one of the signed-in person's own (false for another's, or an unknown id). */
export async function isMyCase(ctx: ServiceContext, caseId: string) {
	const actor = requireSignedIn(ctx);
	if (!isUuid(caseId)) return false;
	const [row] = await ctx.db.select({ id: welcomeCase.id }).from(welcomeCase).where(and(eq(welcomeCase.id, caseId), eq(welcomeCase.applicantId, actor.userId)));
	return !!row;
}

/** What the applicant sees of a case: everything but internal notes and assignments. */
export async function getMyCase(ctx: ServiceContext, caseId: string) {
	const row = await ownCase(ctx, caseId);
	const [events, documents, [inst]] = await Promise.all([
		ctx.db
			.select({ id: caseEvent.id, kind: caseEvent.kind, body: caseEvent.body, data: caseEvent.data, createdAt: caseEvent.createdAt, authorId: caseEvent.authorId, authorName: person.name })
			.from(caseEvent)
			.leftJoin(person, eq(person.id, caseEvent.authorId))
			.where(and(eq(caseEvent.caseId, row.id), inArray(caseEvent.kind, ['submitted', 'message', 'status', 'document'])))
			.orderBy(caseEvent.seq),
		ctx.db.select().from(caseDocument).where(eq(caseDocument.caseId, row.id)).orderBy(caseDocument.createdAt),
		ctx.db.select({ shortName: institutionDirectory.shortName, name: institutionDirectory.name, defaultLocale: institutionDirectory.defaultLocale }).from(institutionDirectory).where(eq(institutionDirectory.id, row.institutionId))
	]);
	return { case: row, events, documents, institution: inst!, canWrite: !CLOSED.includes(row.status) };
}

/** Reads a message and its attachments from a form; errors under `body` and `files`. */
export async function readMessage(input: Record<string, string>, form: FormData | undefined) {
	const body = (input.body ?? '').trim();
	const checked = await checkFiles(await filesOf(form, 'files'));
	const errors: Record<string, MessageKey> = {};
	if (checked.error) errors.files = checked.error;
	if (body.length > MAX_MESSAGE) errors.body = 'error_too_long';
	if (!body && !checked.files.length && !checked.error) errors.body = 'error_message_empty';
	if (Object.keys(errors).length) throw invalidInput(errors);
	return { body, files: checked.files };
}

/**
 * Adds a message from the applicant. A closed case takes no more messages; a case waiting for
 * the applicant goes back to the staff (in progress), and whoever handles it is told.
 */
export async function postApplicantMessage(ctx: ServiceContext, caseId: string, input: Record<string, string>, form?: FormData) {
	const actor = requireSignedIn(ctx);
	const row = await ownCase(ctx, caseId);
	if (CLOSED.includes(row.status)) throw new AppError('invalid_input', 'error_case_closed', { body: 'error_case_closed' });
	const message = await readMessage(input, form);
	const stored = await storeCaseFiles(ctx, row.id, message.files.map((file) => ({ documentKey: 'attachment', file })));
	try {
		return await inTransaction(ctx, async (tx) => {
			await onlyOnce(tx, input.submissionKey);
			if (stored.length) await tx.db.insert(caseDocument).values(stored.map((f) => ({ ...f, caseId: row.id, institutionId: row.institutionId, uploadedById: actor.userId })));
			await tx.db.insert(caseEvent).values({ caseId: row.id, kind: 'message', authorId: actor.userId, body: message.body || null, data: { documentIds: stored.map((f) => f.id) } });
			const [updated] = await tx.db
				.update(welcomeCase)
				.set({ updatedAt: new Date(), ...(row.status === 'waiting' ? { status: 'in_progress' as const } : {}), version: sql`${welcomeCase.version} + 1` })
				.where(and(eq(welcomeCase.id, row.id), ne(welcomeCase.status, 'done'), ne(welcomeCase.status, 'declined')))
				.returning();
			if (!updated) throw new AppError('invalid_input', 'error_case_closed', { body: 'error_case_closed' });
			if (row.status === 'waiting') await tx.db.insert(caseEvent).values({ caseId: row.id, kind: 'status', authorId: actor.userId, data: { from: 'waiting', to: 'in_progress' } });
			const [slug] = await tx.db.select({ slug: institutionDirectory.slug }).from(institutionDirectory).where(eq(institutionDirectory.id, row.institutionId));
			const [me] = await tx.db.select({ name: person.name }).from(person).where(eq(person.id, actor.userId));
			await notifyAssignee(tx, updated, me?.name ?? actor.email, slug!.slug);
			return updated;
		});
	} catch (err) {
		await Promise.all(stored.map((f) => ctx.media.delete(f.storageKey)));
		if (err instanceof RepeatedSubmission) return null;
		throw err;
	}
}
