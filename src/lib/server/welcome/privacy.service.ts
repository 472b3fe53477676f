import { and, eq, inArray, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import { eraseAuditChanges, recordAudit } from '../audit/audit.service';
import { closeOwnAccount, ownAccountForCopy } from '../auth/accounts.service';
import { addCalendarDays } from '../guides/deadlines';
import type { Job } from '../jobs/jobs';
import { inTransaction, systemContext, type Platform, type ServiceContext } from '../platform/context';
import { invalidInput } from '../platform/errors';
import { caseDataHolders } from './case-data';
import { caseDocument, caseEvent, OPEN_STATUSES, welcomeCase } from './cases.tables';
import { getOwnProfile, requireSignedIn } from './incoming.service';
import { incomingProfile, timelineReminder, timelineStepDone } from './incoming.tables';

/**
 * Personal data of incoming people: a copy of everything on request, erasure on request, and
 * erasure a configurable time after the stay ends (PERSONAL_DATA_RETENTION_DAYS). Cases stay,
 * without their personal content, so the service figures still count them.
 */
export const ERASED = '[erased]';

/** Everything the platform holds about the signed-in person, as one JSON document. */
export async function exportOwnData(ctx: ServiceContext) {
	const actor = requireSignedIn(ctx);
	const account = await ownAccountForCopy(ctx);
	const profile = await getOwnProfile(ctx);
	const cases = await ctx.db.select().from(welcomeCase).where(eq(welcomeCase.applicantId, actor.userId));
	const ids = cases.map((c) => c.id);
	const [events, documents, done, held] = await Promise.all([
		ids.length ? ctx.db.select().from(caseEvent).where(and(inArray(caseEvent.caseId, ids), inArray(caseEvent.kind, ['submitted', 'message', 'status', 'document']))).orderBy(caseEvent.seq) : [],
		ids.length ? ctx.db.select().from(caseDocument).where(inArray(caseDocument.caseId, ids)) : [],
		ctx.db.select().from(timelineStepDone).where(eq(timelineStepDone.userId, actor.userId)),
		Promise.all(caseDataHolders().map(async (h) => [h.name, await h.exportFor(ctx, ids)] as const))
	]);
	await recordAudit(ctx, { entityType: 'user', entityId: actor.userId, action: 'personal_data.export' });
	return {
		exportedAt: new Date().toISOString(),
		account,
		profile: profile.version > 0 ? { ...profile, userId: undefined } : null,
		timelineStepsDone: done.map((d) => ({ step: d.stepCode, doneAt: d.doneAt })),
		requests: cases.map((c) => ({
			number: c.number,
			service: c.service.name,
			status: c.status,
			declineReason: c.declineReason,
			submittedAt: c.submittedAt,
			dueOn: c.dueOn,
			closedAt: c.closedAt,
			answers: c.answers,
			messagesAndHistory: events.filter((e) => e.caseId === c.id).map((e) => ({ kind: e.kind, body: e.body, at: e.createdAt, mine: e.authorId === actor.userId, data: e.data })),
			documents: documents.filter((d) => d.caseId === c.id).map((d) => ({ name: d.fileName, type: d.mime, bytes: d.bytes, kind: d.documentKey, url: `${ctx.config.origin}/case-files/${d.id}` })),
			...Object.fromEntries(held.map(([name, byCase]) => [name, byCase.get(c.id) ?? []]))
		}))
	};
}

/**
 * Erases a person's personal data: profile, timeline, answers, messages, uploaded files; open
 * cases are declined; what other modules hold about the cases goes as each says (letters keep
 * only the holder's initials, so their codes still verify: letters.privacy.ts).
 */
export async function erasePersonData(ctx: ServiceContext, userId: string, why: 'retention' | 'request') {
	const keys = await inTransaction(ctx, async (tx) => {
		const cases = await tx.db.select({ id: welcomeCase.id, institutionId: welcomeCase.institutionId }).from(welcomeCase).where(eq(welcomeCase.applicantId, userId));
		const ids = cases.map((c) => c.id);
		let files: { storageKey: string }[] = [];
		if (ids.length) {
			files = await tx.db.delete(caseDocument).where(and(inArray(caseDocument.caseId, ids), ne(caseDocument.documentKey, 'letter'))).returning({ storageKey: caseDocument.storageKey });
			await tx.db
				.update(caseEvent)
				.set({ body: sql`case when ${caseEvent.body} is null then null else ${ERASED} end`, data: sql`${caseEvent.data} - 'documentIds'` })
				.where(and(inArray(caseEvent.caseId, ids), inArray(caseEvent.kind, ['message', 'submitted'])));
			await tx.db
				.update(welcomeCase)
				.set({ status: 'declined', declineReason: why === 'request' ? 'Withdrawn: the applicant erased their data.' : 'Closed when personal data was erased.', closedAt: new Date() })
				.where(and(inArray(welcomeCase.id, ids), inArray(welcomeCase.status, [...OPEN_STATUSES])));
			await tx.db.update(welcomeCase).set({ answers: {}, applicantId: null, updatedAt: new Date() }).where(inArray(welcomeCase.id, ids));
			for (const holder of caseDataHolders()) await holder.erase(tx, ids);
			await eraseAuditChanges(tx, 'welcome_case', ids);
		}
		await tx.db.delete(incomingProfile).where(eq(incomingProfile.userId, userId));
		await tx.db.delete(timelineStepDone).where(eq(timelineStepDone.userId, userId));
		await tx.db.delete(timelineReminder).where(eq(timelineReminder.userId, userId));
		await eraseAuditChanges(tx, 'incoming_profile', [userId]);
		for (const c of cases) await recordAudit(tx, { entityType: 'welcome_case', entityId: c.id, institutionId: c.institutionId, action: `personal_data.erase_${why}` });
		await recordAudit(tx, { entityType: 'user', entityId: userId, action: `personal_data.erase_${why}` });
		return files.map((f) => f.storageKey);
	});
	// Files go once the rows that point at them are gone.
	await Promise.all(keys.map((k) => ctx.media.delete(k)));
	return { files: keys.length };
}

/** The person erases their data and closes their account (they confirm with their e-mail address). */
export async function deleteOwnAccount(ctx: ServiceContext, input: Record<string, string>) {
	const actor = requireSignedIn(ctx);
	if ((input.confirm ?? '').trim().toLowerCase() !== actor.email.toLowerCase()) throw invalidInput({ confirm: 'error_confirm_email' });
	if (actor.memberships.size || actor.platformRole) throw invalidInput({ confirm: 'error_staff_cannot_delete' });
	await erasePersonData(ctx, actor.userId, 'request');
	await closeOwnAccount(ctx);
}

/** Erases the data of everyone whose stay ended more than the retention period ago. */
export async function eraseExpiredPersonalData(platform: Platform, now: Date) {
	const days = platform.config.personalDataRetentionDays;
	const cutoff = addCalendarDays(now.toISOString().slice(0, 10), -days);
	const expired = await platform.db
		.select({ userId: incomingProfile.userId })
		.from(incomingProfile)
		.where(or(and(isNotNull(incomingProfile.stayEnd), lt(incomingProfile.stayEnd, cutoff)), and(sql`${incomingProfile.stayEnd} is null`, isNotNull(incomingProfile.arrivalDate), lt(incomingProfile.arrivalDate, addCalendarDays(cutoff, -365)))));
	let files = 0;
	for (const { userId } of expired) files += (await erasePersonData(systemContext(platform), userId, 'retention')).files;
	return { people: expired.length, files };
}

export const RETENTION_JOB: Job = { name: 'personal_data_retention', everyMinutes: 24 * 60, run: eraseExpiredPersonalData };
