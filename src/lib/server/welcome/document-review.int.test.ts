import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../audit/audit.tables';
import { seedGuides } from '../guides/guides.service';
import { mailMessage } from '../mail/mail.tables';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { contextFor, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { caseQueue, changeCaseStatus, getCase, postStaffMessage, readCaseDocument } from './case-handling.service';
import { saveCatalogueService } from './catalogue.service';
import { caseDocument } from './cases.tables';
import { getMyCase, submitRequest } from './cases.service';
import { awaitingReview, documentChecklist, reviewDocument, uploadDocument } from './document-review.service';
import { files, PDF, welcomeSetting } from './welcome.testkit';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

const key = () => crypto.randomUUID();

/** A KZ welcome centre whose visa-support service asks for a passport scan (required) and a photo (optional), labelled in Russian too; a Russian-speaking student's request with the scan. */
async function requestWithPassport() {
	const setting = await welcomeSetting(platform);
	const visa = await saveCatalogueService(setting.admin, setting.inst.id, null, {
		code: 'visa_support',
		'name.en': 'Visa support',
		'name.ru': 'Визовая поддержка',
		audiences: 'student',
		turnaroundDays: '5',
		position: '3',
		active: 'on',
		version: '0',
		'd.0.key': 'passport',
		'd.0.required': 'on',
		'd.0.label.en': 'Passport scan',
		'd.0.label.ru': 'Скан паспорта',
		'd.1.key': 'photo',
		'd.1.label.en': 'Photo',
		'd.1.label.ru': 'Фотография'
	});
	const c = await submitRequest(setting.me, visa.id, { submissionKey: key() }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }));
	const checklist = async () => {
		const seen = await getCase(setting.staff, setting.inst.id, c.id);
		return documentChecklist(seen.case.service.documents, seen.documents);
	};
	const passportId = async () => (await checklist())[0]!.current!.files[0]!.id;
	return { ...setting, visa, c, checklist, passportId };
}

describe('the checklist of a case', () => {
	it('lists each requested document with its state: the scan waits for review, the optional photo is missing', async () => {
		const { checklist } = await requestWithPassport();
		const items = await checklist();
		expect(items.map((i) => [i.key, i.required, i.state, i.current?.files.map((f) => f.fileName) ?? null, i.history.length])).toEqual([
			['passport', true, 'pending', ['passport.pdf'], 0],
			['photo', false, 'missing', null, 0]
		]);
		expect(awaitingReview(items)).toBe(1);
	});
});

describe('staff review a document', () => {
	it('accept it: the case is in progress, the applicant sees it accepted, the decision is audited', async () => {
		const { inst, staff, me, c, checklist, passportId } = await requestWithPassport();
		const id = await passportId();
		const outcome = await reviewDocument(staff, inst.id, c.id, { document: id, decision: 'accept', from: 'pending', submissionKey: key() });
		expect(outcome).toMatchObject({ review: 'accepted', status: 'in_progress', statusChanged: true });
		const [item] = await checklist();
		expect(item).toMatchObject({ state: 'accepted', current: { reviewedById: staff.actor!.userId, reason: null } });
		expect(awaitingReview(await checklist())).toBe(0);
		const mine = await getMyCase(me, c.id);
		expect(mine.events.find((e) => e.kind === 'document')?.data).toMatchObject({ review: 'accepted', documentKey: 'passport' });
		const [audit] = await platform.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'case_document.review'), eq(auditEvent.entityId, id)));
		expect(audit?.changes).toMatchObject({ review: { from: 'pending', to: 'accepted' } });
	});

	it('reject it only with a reason, said next to the field', async () => {
		const { inst, staff, c, checklist, passportId } = await requestWithPassport();
		const err = await failure(reviewDocument(staff, inst.id, c.id, { document: await passportId(), decision: 'reject', from: 'pending', reviewReason: '   ' }));
		expect(err.fields).toEqual({ reviewReason: 'review_error_reason_required' });
		expect((await checklist())[0]!.state).toBe('pending');
	});

	it('reject it: the case waits for the applicant, who reads the reason in their thread and gets a mail in Russian after the commit', async () => {
		const { inst, staff, me, student, c, passportId } = await requestWithPassport();
		const reason = 'Страница с фотографией обрезана — отсканируйте её целиком.';
		const outcome = await reviewDocument(staff, inst.id, c.id, { document: await passportId(), decision: 'reject', from: 'pending', reviewReason: reason, submissionKey: key() });
		expect(outcome).toMatchObject({ review: 'rejected', status: 'waiting', statusChanged: true });
		const mine = await getMyCase(me, c.id);
		expect(mine.case.status).toBe('waiting');
		const rejection = mine.events.find((e) => e.kind === 'document');
		expect(rejection).toMatchObject({ body: reason, data: { review: 'rejected', documentKey: 'passport' } });
		expect(mine.events.at(-1)?.data).toEqual({ from: 'submitted', to: 'waiting' });
		expect(documentChecklist(mine.case.service.documents, mine.documents)[0]).toMatchObject({ state: 'rejected', current: { reason } });
		const [mail] = await platform.db.select().from(mailMessage).where(and(eq(mailMessage.to, student.email), eq(mailMessage.template, 'case_document_rejected')));
		expect(mail).toMatchObject({ locale: 'ru', subject: `Обращение ${c.number}: отправьте заново «Скан паспорта»` });
		expect(mail!.text).toContain(`Причина: ${reason}`);
		expect(mail!.text).toContain(`/ru/my/requests/${c.id}`);
		expect((await platform.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'case_document.review'), eq(auditEvent.institutionId, inst.id)))).length).toBe(1);
	});

	it('once, however often the same form is sent (a double click, with or without its key)', async () => {
		const { inst, staff, student, c, passportId } = await requestWithPassport();
		const form = { document: await passportId(), decision: 'reject', from: 'pending', reviewReason: 'Blurred.', submissionKey: key() };
		await Promise.all([reviewDocument(staff, inst.id, c.id, form), reviewDocument(staff, inst.id, c.id, form)]);
		const { submissionKey: _k, ...withoutKey } = form;
		expect(await reviewDocument(staff, inst.id, c.id, withoutKey)).toBeNull();
		const events = (await getCase(staff, inst.id, c.id)).events;
		expect(events.filter((e) => e.kind === 'document')).toHaveLength(1);
		expect(events.filter((e) => e.kind === 'status')).toHaveLength(1);
		expect(await platform.db.select().from(mailMessage).where(and(eq(mailMessage.to, student.email), eq(mailMessage.template, 'case_document_rejected')))).toHaveLength(1);
		// A decision taken on a page that showed an older state does not overwrite another one.
		expect((await failure(reviewDocument(staff, inst.id, c.id, { ...withoutKey, decision: 'accept' }))).messageKey).toBe('review_error_changed');
	});

	it('is for the institution’s case handlers: another institution’s staff get 404, editors and translators 403', async () => {
		const { inst, staff, c, passportId, pickup, me } = await requestWithPassport();
		const other = await welcomeSetting(platform);
		const id = await passportId();
		const form = { document: id, decision: 'accept', from: 'pending' };
		expect((await failure(reviewDocument(other.staff, inst.id, c.id, form))).status).toBe(404);
		expect((await failure(reviewDocument(other.staff, other.inst.id, c.id, form))).status).toBe(404);
		// One's own case, with a document of another case: not found either.
		const mineElsewhere = await submitRequest(other.me, other.pickup.id, { submissionKey: key(), flight: 'KC 1' }, files({ 'doc.passport': { name: 'p.pdf', bytes: PDF } }));
		const elsewhereDoc = (await getMyCase(other.me, mineElsewhere.id)).documents[0]!.id;
		expect((await failure(reviewDocument(staff, inst.id, c.id, { ...form, document: elsewhereDoc }))).status).toBe(404);
		expect((await failure(reviewDocument(other.staff, other.inst.id, mineElsewhere.id, { ...form, document: id }))).status).toBe(404);
		for (const role of ['editor', 'translator'] as const) {
			const member = await contextFor(platform, (await makeUser(platform, { role, institutionId: inst.id })).id);
			expect((await failure(reviewDocument(member, inst.id, c.id, form))).status).toBe(403);
		}
		// Message attachments and issued letters are not on the checklist.
		await postStaffMessage(staff, inst.id, c.id, { body: 'See the form.' }, files({ files: { name: 'form.pdf', bytes: PDF } }));
		const attachment = (await getCase(staff, inst.id, c.id)).documents.find((d) => d.documentKey === 'attachment')!;
		expect((await failure(reviewDocument(staff, inst.id, c.id, { ...form, document: attachment.id }))).status).toBe(404);
		const pickupCase = await submitRequest(me, pickup.id, { submissionKey: key(), flight: 'KC 2' }, files({ 'doc.passport': { name: 'p.pdf', bytes: PDF } }));
		// A letter issued is a file of the case too (as the letters module stores it).
		const [letter] = await platform.db
			.insert(caseDocument)
			.values({ caseId: pickupCase.id, institutionId: inst.id, documentKey: 'letter', fileName: 'Invitation.pdf', mime: 'application/pdf', bytes: PDF.byteLength, storageKey: `cases/${pickupCase.id}/letter.pdf`, uploadedById: staff.actor!.userId })
			.returning();
		expect((await failure(reviewDocument(staff, inst.id, pickupCase.id, { ...form, document: letter!.id }))).status).toBe(404);
		expect(documentChecklist(pickupCase.service.documents, (await getCase(staff, inst.id, pickupCase.id)).documents).map((i) => [i.key, i.current?.files.length])).toEqual([['passport', 1]]);
	});
});

describe('the applicant sends a document again', () => {
	it('replaces a rejected one: the new version waits for review, the rejected one stays as history, staff see the reply and accept it', async () => {
		const { inst, staff, me, c, checklist, passportId } = await requestWithPassport();
		await reviewDocument(staff, inst.id, c.id, { document: await passportId(), decision: 'reject', from: 'pending', reviewReason: 'Cut off.' });
		expect((await caseQueue(staff, inst.id, { status: 'all' })).cases.find((x) => x.id === c.id)?.awaitingReply).toBe(false);
		// The same checks as the request: type by content.
		expect((await failure(uploadDocument(me, c.id, { documentKey: 'passport' }, files({ upload: { name: 'passport.pdf', bytes: new TextEncoder().encode('not a pdf') } })))).fields).toEqual({ upload: 'error_upload_type' });
		expect((await failure(uploadDocument(me, c.id, { documentKey: 'passport' }, new FormData()))).fields).toEqual({ upload: 'error_file_required' });

		const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#36c' } })
			.jpeg()
			.withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 10/1 0/1' } })
			.toBuffer();
		const form = { documentKey: 'passport', submissionKey: key() };
		const upload = () => uploadDocument(me, c.id, form, files({ upload: { name: 'passport-whole.jpg', bytes: new Uint8Array(photo) } }));
		await Promise.all([upload(), upload()]);

		const [passport] = await checklist();
		expect(passport).toMatchObject({ state: 'pending', current: { files: [{ fileName: 'passport-whole.jpg', mime: 'image/jpeg' }] } });
		expect(passport!.history.map((v) => [v.review, v.reason, v.files.map((f) => f.fileName)])).toEqual([['rejected', 'Cut off.', ['passport.pdf']]]);
		const kept = await readCaseDocument(staff, passport!.current!.files[0]!.id);
		expect((await sharp(Buffer.from(kept.body)).metadata()).exif).toBeUndefined();
		// For staff it is the applicant's reply: back in progress, marked replied in the queue.
		const seen = await getCase(staff, inst.id, c.id);
		expect(seen.case.status).toBe('in_progress');
		expect(seen.events.filter((e) => e.kind === 'message' && e.data.documentKey === 'passport')).toHaveLength(1);
		expect((await caseQueue(staff, inst.id, { replied: '1' })).cases.map((x) => x.id)).toEqual([c.id]);

		// Staff can no longer decide on the old version; they accept the new one.
		expect((await failure(reviewDocument(staff, inst.id, c.id, { document: passport!.history[0]!.files[0]!.id, decision: 'accept', from: 'rejected' }))).messageKey).toBe('review_error_superseded');
		await reviewDocument(staff, inst.id, c.id, { document: passport!.current!.files[0]!.id, decision: 'accept', from: 'pending' });
		expect((await checklist())[0]).toMatchObject({ state: 'accepted', history: [{ review: 'rejected' }] });
	});

	it('only when asked: a document waiting for review or accepted is not replaced, a missing one may be sent, and not on a closed case', async () => {
		const { inst, staff, me, c, checklist, passportId } = await requestWithPassport();
		expect((await failure(uploadDocument(me, c.id, { documentKey: 'passport' }, files({ upload: { name: 'p.pdf', bytes: PDF } })))).fields).toEqual({ upload: 'review_error_not_asked' });
		await uploadDocument(me, c.id, { documentKey: 'photo' }, files({ upload: { name: 'photo.pdf', bytes: PDF } }));
		expect((await checklist())[1]).toMatchObject({ state: 'pending', history: [] });
		expect((await failure(uploadDocument(me, c.id, { documentKey: 'visa' }, files({ upload: { name: 'p.pdf', bytes: PDF } })))).status).toBe(404);
		const other = await welcomeSetting(platform);
		expect((await failure(uploadDocument(other.me, c.id, { documentKey: 'photo' }, files({ upload: { name: 'p.pdf', bytes: PDF } })))).status).toBe(404);
		await reviewDocument(staff, inst.id, c.id, { document: await passportId(), decision: 'reject', from: 'pending', reviewReason: 'Expired.' });
		const version = (await getCase(staff, inst.id, c.id)).case.version;
		await changeCaseStatus(staff, inst.id, c.id, { status: 'done', reason: '', version: String(version) });
		expect((await failure(uploadDocument(me, c.id, { documentKey: 'passport' }, files({ upload: { name: 'p.pdf', bytes: PDF } })))).fields).toEqual({ upload: 'error_case_closed' });
	});
});
