import { and, count, eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../audit/audit.tables';
import { seedGuides } from '../guides/guides.service';
import { mailMessage } from '../mail/mail.tables';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { createTestPlatform } from '../testing/platform';
import { assignCases, addCaseNote, caseQueue, caseSummary, changeCaseStatus, getCase, postStaffMessage, readCaseDocument } from './case-handling.service';
import { getMyCase, myCases, postApplicantMessage, requestableServices, submitRequest } from './cases.service';
import { saveCatalogueService } from './catalogue.service';
import { getOwnProfile } from './incoming.service';
import { markStep, personalTimeline } from './timeline.service';
import { welcomeCase } from './cases.tables';
import { files, PDF, welcomeSetting } from './welcome.testkit';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

describe('the staff queue', () => {
	it('finds a case by its number, the applicant’s name, e-mail or passport, and marks a reply waiting for an answer', async () => {
		const { inst, pickup, me, staff, student } = await welcomeSetting(platform);
		const c = await submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 926' }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }));
		const found = async (q: string) => (await caseQueue(staff, inst.id, { q, status: 'all' })).cases.map((x) => x.id);
		expect(await found(String(c.number))).toEqual([c.id]);
		expect(await found(`#${c.number}`)).toEqual([c.id]);
		// makeUser names people "Test <e-mail>".
		expect(await found(`TEST ${student.email.slice(0, 12)}`)).toEqual([c.id]);
		expect(await found(student.email.split('@')[0]!)).toEqual([c.id]);
		expect(await found('c01x 00t47')).toEqual([c.id]);
		expect(await found('C01X00T4')).toEqual([]);
		expect(await found('100%_')).toEqual([]);

		const replied = async () => (await caseQueue(staff, inst.id, { status: 'all' })).cases.find((x) => x.id === c.id)!.awaitingReply;
		expect(await replied()).toBe(false);
		await postApplicantMessage(me, c.id, { body: 'Is the driver waiting inside?' });
		expect(await replied()).toBe(true);
		expect((await caseQueue(staff, inst.id, { replied: '1' })).cases.map((x) => x.id)).toEqual([c.id]);
		// The workspace overview counts what needs someone now.
		expect(await caseSummary(staff, inst.id)).toEqual({ open: 1, new: 1, overdue: 0, unassigned: 1, mine: 0, replied: 1 });
		await postStaffMessage(staff, inst.id, c.id, { body: 'Yes, at exit B.' });
		expect(await replied()).toBe(false);
	});
});

describe('the queue\'s counts', () => {
	it('counts cases per status and the open ones past their due date, not closed ones', async () => {
		const { inst, pickup, me, staff } = await welcomeSetting(platform);
		const submit = () => submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 926' }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }));
		const [late, done, fresh] = [await submit(), await submit(), await submit()];
		await platform.db.update(welcomeCase).set({ dueOn: '2020-01-01' }).where(inArray(welcomeCase.id, [late.id, done.id]));
		await platform.db.update(welcomeCase).set({ status: 'done', closedAt: new Date() }).where(eq(welcomeCase.id, done.id));
		const queue = await caseQueue(staff, inst.id, {});
		expect(queue.counts).toMatchObject({ submitted: 2, done: 1 });
		expect(queue.overdue).toBe(1);
		expect(queue.cases.find((c) => c.id === late.id)?.overdue).toBe(true);
		expect(queue.cases.find((c) => c.id === fresh.id)?.overdue).toBe(false);
		// Each view's total, whether read from the counts or counted.
		const total = async (query: Record<string, string>) => (await caseQueue(staff, inst.id, query)).total;
		expect([await total({}), await total({ status: 'all' }), await total({ status: 'done' }), await total({ overdue: '1' })]).toEqual([2, 3, 1, 1]);
		expect([await total({ status: 'submitted', overdue: '1' }), await total({ status: 'done', overdue: '1' }), await total({ status: 'all', assignee: 'none' })]).toEqual([1, 0, 3]);
	});

	it('keep up with every way cases change: the workflow, bulk statements and deletion', async () => {
		const { inst, pickup, me, staff } = await welcomeSetting(platform);
		const submit = () => submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 926' }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }));
		const [a, b, c] = [await submit(), await submit(), await submit()];
		const counts = async () => (await caseQueue(staff, inst.id, {})).counts;
		await changeCaseStatus(staff, inst.id, a.id, { status: 'in_progress', reason: '', version: '1' });
		expect(await counts()).toMatchObject({ submitted: 2, in_progress: 1, waiting: 0, done: 0 });
		// Two cases change in one statement, one of them back and forth.
		await platform.db.update(welcomeCase).set({ status: 'waiting' }).where(inArray(welcomeCase.id, [a.id, b.id]));
		await platform.db.update(welcomeCase).set({ status: 'in_progress' }).where(eq(welcomeCase.id, a.id));
		expect(await counts()).toMatchObject({ submitted: 1, in_progress: 1, waiting: 1 });
		await platform.db.delete(welcomeCase).where(eq(welcomeCase.id, c.id));
		expect(await counts()).toMatchObject({ submitted: 0, in_progress: 1, waiting: 1, done: 0, declined: 0 });
		const [byCounting] = await platform.db.select({ n: count() }).from(welcomeCase).where(eq(welcomeCase.institutionId, inst.id));
		expect((await caseQueue(staff, inst.id, { status: 'all' })).total).toBe(byCounting!.n);
	});
});

describe('files attached to a case', () => {
	it('keep no camera data or GPS position', async () => {
		const { pickup, me, staff } = await welcomeSetting(platform);
		const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
			.jpeg()
			.withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 15' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 10/1 0/1' } })
			.toBuffer();
		expect((await sharp(photo).metadata()).exif).toBeDefined();
		const c = await submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 925' }, files({ 'doc.passport': { name: 'passport.jpg', bytes: new Uint8Array(photo) } }));
		const doc = (await getMyCase(me, c.id)).documents[0]!;
		const kept = await readCaseDocument(staff, doc.id);
		const meta = await sharp(Buffer.from(kept.body)).metadata();
		expect(meta.format).toBe('jpeg');
		expect(meta.exif).toBeUndefined();
		expect(Buffer.from(kept.body).includes('PhoneMaker')).toBe(false);
	});

	it('refuses an iPhone HEIC photo with a message saying to send JPEG or PDF', async () => {
		const { pickup, me } = await welcomeSetting(platform);
		const heic = new Uint8Array(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(4), Buffer.from('mif1heic'), Buffer.alloc(64)]));
		const err = await failure(submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 925' }, files({ 'doc.passport': { name: 'IMG_0001.HEIC', bytes: heic } })));
		expect(err.fields).toEqual({ 'doc.passport': 'error_upload_heic' });
	});
});

describe('the same form sent twice', () => {
	it('adds one applicant message, one staff message and one note', async () => {
		const { inst, pickup, me, staff } = await welcomeSetting(platform);
		const c = await submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 924' }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }));
		const twice = <T>(send: () => Promise<T>) => Promise.all([send(), send()]);
		const key = () => crypto.randomUUID();
		const applicantKey = key();
		await twice(() => postApplicantMessage(me, c.id, { body: 'When do you open?', submissionKey: applicantKey }));
		const staffKey = key();
		await twice(() => postStaffMessage(staff, inst.id, c.id, { body: 'At nine.', submissionKey: staffKey }));
		const noteKey = key();
		await twice(() => addCaseNote(staff, inst.id, c.id, { note: 'Called the student.', submissionKey: noteKey }));
		const events = (await getCase(staff, inst.id, c.id)).events;
		expect(events.filter((e) => e.body === 'When do you open?')).toHaveLength(1);
		expect(events.filter((e) => e.body === 'At nine.')).toHaveLength(1);
		expect(events.filter((e) => e.body === 'Called the student.')).toHaveLength(1);
		// A new form (a new key) is a new message.
		await postApplicantMessage(me, c.id, { body: 'When do you open?', submissionKey: key() });
		expect((await getCase(staff, inst.id, c.id)).events.filter((e) => e.body === 'When do you open?')).toHaveLength(2);
	});
});

describe('requests and cases', () => {
	it('turns a request into a numbered case with its documents, due in working days, and tells the applicant', async () => {
		const { inst, staff, pickup, me, student } = await welcomeSetting(platform);
		expect((await requestableServices(me)).services.map((s) => s.code)).toEqual(['airport_pickup']);
		const key = crypto.randomUUID();
		// Friday 27 November 2026 + 3 working days = Wednesday 2 December.
		const now = new Date('2026-11-27T06:00:00Z');
		const created = await submitRequest(me, pickup.id, { submissionKey: key, flight: 'KC 922' }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }), now);
		expect(created).toMatchObject({ number: 1, status: 'submitted', dueOn: '2026-12-02', answers: { flight: 'KC 922' } });
		// The same form again (a double click): the same case.
		const again = await submitRequest(me, pickup.id, { submissionKey: key, flight: 'KC 922' }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }), now);
		expect(again.id).toBe(created.id);
		expect((await myCases(me)).length).toBe(1);
		const second = await submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 923' }, files({ 'doc.passport': { name: 'p.pdf', bytes: PDF } }), now);
		expect(second.number).toBe(2);

		const mine = await getMyCase(me, created.id);
		expect(mine.documents.map((d) => [d.documentKey, d.fileName, d.mime])).toEqual([['passport', 'passport.pdf', 'application/pdf']]);
		const [mail] = await platform.db.select().from(mailMessage).where(and(eq(mailMessage.to, student.email), eq(mailMessage.template, 'case_submitted')));
		expect(mail!.locale).toBe('ru');

		// Staff read the file; the read is audited.
		const file = await readCaseDocument(staff, mine.documents[0]!.id);
		expect(new TextDecoder().decode(file.body)).toContain('%PDF');
		const views = await platform.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'case_document.view'), eq(auditEvent.entityId, file.id)));
		expect(views.map((v) => v.actorUserId)).toEqual([staff.actor!.userId]);
		expect((await caseQueue(staff, inst.id, {})).cases.map((c) => c.number)).toEqual([1, 2]);
	});

	it('checks answers and files, and says what is wrong with each', async () => {
		const { pickup, me, admin, inst } = await welcomeSetting(platform);
		const err = await failure(submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: '' }, files({ 'doc.passport': { name: 'passport.pdf', bytes: new TextEncoder().encode('just text') } })));
		expect(err.fields).toEqual({ flight: 'error_required', 'doc.passport': 'error_upload_type' });
		expect((await failure(submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'X' }, new FormData()))).fields).toEqual({ 'doc.passport': 'error_file_required' });
		const big = new Uint8Array(10 * 1024 * 1024 + 1);
		big.set(PDF);
		expect((await failure(submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'X' }, files({ 'doc.passport': { name: 'big.pdf', bytes: big } })))).fields).toEqual({ 'doc.passport': 'error_upload_too_large' });
		expect(await myCases(me)).toEqual([]);
		// A service for staff only is not for a student.
		const housing = (await caseQueue(admin, inst.id, {})).cases;
		expect(housing).toEqual([]);
	});

	it('is handled by staff: assigned, answered, waiting, replied to, declined with a reason, then closed to messages', async () => {
		const { inst, staff, admin, pickup, me, student } = await welcomeSetting(platform);
		const c = await submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 922' }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }));
		expect(await assignCases(admin, inst.id, [c.id], staff.actor!.userId)).toBe(1);
		await addCaseNote(staff, inst.id, c.id, { note: 'Check the visa first.' });
		await postStaffMessage(staff, inst.id, c.id, { body: 'Which terminal?' });
		let seen = await getCase(staff, inst.id, c.id);
		expect(seen.case).toMatchObject({ status: 'in_progress', assigneeId: staff.actor!.userId });
		expect(seen.case.firstResponseAt).not.toBeNull();
		await changeCaseStatus(staff, inst.id, c.id, { status: 'waiting', reason: '', version: String(seen.case.version) });
		await postApplicantMessage(me, c.id, { body: 'Terminal 1' });
		seen = await getCase(staff, inst.id, c.id);
		expect(seen.case.status).toBe('in_progress');
		expect(seen.events.map((e) => e.kind)).toEqual(['submitted', 'assigned', 'note', 'message', 'status', 'status', 'message', 'status']);
		// The applicant never sees internal notes or assignments.
		const mine = await getMyCase(me, c.id);
		expect(mine.events.map((e) => e.kind)).toEqual(['submitted', 'message', 'status', 'status', 'message', 'status']);
		const [reply] = await platform.db.select().from(mailMessage).where(and(eq(mailMessage.to, staff.actor!.email), eq(mailMessage.template, 'case_reply')));
		expect(reply).toBeDefined();

		expect((await failure(changeCaseStatus(staff, inst.id, c.id, { status: 'declined', reason: ' ', version: String(seen.case.version) }))).fields).toEqual({ reason: 'error_decline_reason' });
		expect((await failure(changeCaseStatus(staff, inst.id, c.id, { status: 'done', reason: '', version: '1' }))).status).toBe(409);
		await changeCaseStatus(staff, inst.id, c.id, { status: 'declined', reason: 'No flights that night.', version: String(seen.case.version) });
		const closed = await getMyCase(me, c.id);
		expect(closed.case).toMatchObject({ status: 'declined', declineReason: 'No flights that night.' });
		expect((await failure(postApplicantMessage(me, c.id, { body: 'Why?' }))).fields).toEqual({ body: 'error_case_closed' });
		expect((await failure(postStaffMessage(staff, inst.id, c.id, { body: 'Sorry' }))).fields).toEqual({ body: 'error_case_closed' });
		const statusMails = await platform.db.select().from(mailMessage).where(and(eq(mailMessage.to, student.email), eq(mailMessage.template, 'case_status')));
		expect(statusMails.length).toBe(2);
		expect((await failure(postApplicantMessage(me, c.id, { body: '' }))).fields).toEqual({ body: 'error_case_closed' });
	});

	it('is someone else’s business for no one: other institutions’ staff and other applicants get 404', async () => {
		const { inst, pickup, me, staff } = await welcomeSetting(platform);
		const other = await welcomeSetting(platform);
		const c = await submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 922' }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }));
		const doc = (await getMyCase(me, c.id)).documents[0]!;
		expect((await failure(getCase(other.staff, inst.id, c.id))).status).toBe(404);
		expect((await failure(getCase(other.staff, other.inst.id, c.id))).status).toBe(404);
		expect((await failure(readCaseDocument(other.staff, doc.id))).status).toBe(404);
		expect((await failure(readCaseDocument(other.me, doc.id))).status).toBe(404);
		expect((await failure(getMyCase(other.me, c.id))).status).toBe(404);
		expect((await failure(assignCases(other.admin, inst.id, [c.id], 'me'))).status).toBe(404);
		// A bulk assign in one's own workspace that names another institution's case: 404, and nothing changes.
		const mine = await submitRequest(other.me, other.pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 923' }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }));
		expect((await failure(assignCases(other.admin, other.inst.id, [mine.id, c.id], 'me'))).status).toBe(404);
		expect((await getCase(other.admin, other.inst.id, mine.id)).case.assigneeId).toBeNull();
		expect((await getCase(staff, inst.id, c.id)).case.assigneeId).toBeNull();
		// Assigning to someone who does not handle cases here is refused.
		expect((await failure(assignCases(staff, inst.id, [c.id], other.staff.actor!.userId))).fields).toEqual({ assignee: 'error_choose_one' });
		// The other institution's service cannot be requested by this student.
		expect((await failure(submitRequest(me, other.pickup.id, { submissionKey: crypto.randomUUID() }))).status).toBe(404);
	});
});

describe('the invitation letter and the visa timeline', () => {
	it('ticks “start the visa application” off when the applicant asks for the invitation letter, and not for other services', async () => {
		const { admin, inst, pickup, me } = await welcomeSetting(platform);
		const invitation = await saveCatalogueService(admin, inst.id, null, { code: 'invitation_letter', 'name.ru': 'Приглашение', 'name.en': 'Invitation letter', audiences: 'student', turnaroundDays: '5', position: '3', active: 'on', version: '0' });
		const visaStep = async () => (await personalTimeline(me, await getOwnProfile(me), new Date('2026-11-28T12:00:00Z')))!.steps.find((s) => s.kind === 'visa_start')!;
		expect((await visaStep()).state).not.toBe('done');

		await submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 926' }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }));
		expect((await visaStep()).state).not.toBe('done');

		// Sent twice (a double click): one case, the step done once.
		const key = crypto.randomUUID();
		const [first, second] = await Promise.all([submitRequest(me, invitation.id, { submissionKey: key }), submitRequest(me, invitation.id, { submissionKey: key })]);
		expect(second.id).toBe(first.id);
		expect((await visaStep()).state).toBe('done');
		// The person can still untick it, as any step.
		await markStep(me, 'visa_start', false);
		expect((await visaStep()).state).not.toBe('done');
	});
});
