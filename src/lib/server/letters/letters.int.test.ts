import { and, eq } from 'drizzle-orm';
import { mailMessage } from '../mail/mail.tables';
import { lastMailTo } from '../testing/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../audit/audit.tables';
import { seedGuides } from '../guides/guides.service';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { changeCaseStatus, getCase, readCaseDocument } from '../welcome/case-handling.service';
import { saveCatalogueService } from '../welcome/catalogue.service';
import { getMyCase, submitRequest } from '../welcome/cases.service';
import { saveOwnProfile } from '../welcome/incoming.service';
import { caseLetters, issueLetter, letterTemplates, myCaseLetters, normalizeCode, revokeLetter, saveLetterTemplate, setAuthorityReference, verifyLetter } from './letters.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

async function caseWithApplicant() {
	const inst = await makeInstitution(platform, { countryCode: 'CN', defaultLocale: 'zh', locales: ['zh', 'en'], name: { zh: '测试大学', en: 'Test University' } });
	const admin = await contextFor(platform, (await makeUser(platform, { role: 'institution_admin', institutionId: inst.id })).id);
	const staff = await contextFor(platform, (await makeUser(platform, { role: 'staff', institutionId: inst.id })).id);
	const service = await saveCatalogueService(admin, inst.id, null, { code: 'invitation_letter', 'name.zh': '邀请函', 'name.en': 'Invitation letter', audiences: 'student', turnaroundDays: '5', position: '1', active: 'on', version: '0' });
	const applicant = await makeUser(platform, { locale: 'kk' });
	const me = await contextFor(platform, applicant.id);
	await saveOwnProfile(me, { kind: 'student', institution: inst.slug, nationality: 'KZ', passportName: 'nurgaliyeva  aliya', sex: 'F', dateOfBirth: '2004-03-08', placeOfBirth: 'ALMATY', homeAddress: 'Abay Avenue 52\r\nAlmaty 050008', passportNumber: 'N12345678', passportIssuedOn: '2022-01-02', passportExpiry: '2032-01-01', stayStart: '2027-09-01', stayEnd: '2028-01-31', arrivalDate: '2027-08-28', housing: 'on_campus', version: '0' }, new Date('2026-11-28T00:00:00Z'));
	const c = await submitRequest(me, service.id, { submissionKey: crypto.randomUUID() });
	return { inst, admin, staff, me, applicant, c };
}

describe('letters', () => {
	it('issues one letter when the form is sent twice at once', async () => {
		const { inst, staff, c } = await caseWithApplicant();
		const form = { kind: 'invitation', locale: 'zh', submissionKey: crypto.randomUUID() };
		await Promise.all([issueLetter(staff, inst.id, c.id, form), issueLetter(staff, inst.id, c.id, form)]);
		expect(await caseLetters(staff, inst.id, c.id)).toHaveLength(1);
	});

	it('issues a PDF in the chosen language with a code that verifies, and withdraws it', async () => {
		const { inst, staff, me, c } = await caseWithApplicant();
		const letter = (await issueLetter(staff, inst.id, c.id, { kind: 'invitation', locale: 'kk' }))!;
		expect(letter.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
		// The applicant finds it in their request, and reads it.
		const mine = await getMyCase(me, c.id);
		const doc = mine.documents.find((d) => d.documentKey === 'letter')!;
		expect(doc.fileName).toContain('Шақыру хаты');
		const file = await readCaseDocument(me, doc.id);
		expect(new TextDecoder().decode(file.body.subarray(0, 5))).toBe('%PDF-');
		expect(mine.case.status).toBe('in_progress');

		// Anyone can check the code, typed loosely.
		const checked = await verifyLetter(await contextFor(platform, null), letter.code.toLowerCase().replaceAll('-', ' '));
		// The letter names the person as their passport does.
		expect(checked).toMatchObject({ kind: 'invitation', locale: 'kk', revokedAt: null, facts: { name: 'NURGALIYEVA ALIYA', title: 'Шақыру хаты', stay: '2027 ж. 1 қыркүйек – 2028 ж. 31 қаңтар' } });
		expect(await verifyLetter(await contextFor(platform, null), 'AAAA-BBBB-CCCC')).toBeNull();

		await revokeLetter(staff, inst.id, letter.id, { reason: 'Dates changed' });
		expect((await verifyLetter(await contextFor(platform, null), letter.code))!.revokedReason).toBe('Dates changed');
		const audit = await platform.db.select().from(auditEvent).where(and(eq(auditEvent.entityId, letter.id), eq(auditEvent.action, 'letter.issue')));
		expect(audit.length).toBe(1);
	});

	it('counts as the answer to a case — in progress, with its history and audit — and is refused once the case is closed', async () => {
		const { inst, staff, c } = await caseWithApplicant();
		await issueLetter(staff, inst.id, c.id, { kind: 'invitation', locale: 'zh' });
		const handled = await getCase(staff, inst.id, c.id);
		expect(handled.case).toMatchObject({ status: 'in_progress', assigneeId: staff.actor!.userId });
		expect(handled.case.firstResponseAt).not.toBeNull();
		expect(handled.events.map((e) => e.kind)).toEqual(['submitted', 'status', 'assigned', 'document']);
		const audit = await platform.db.select().from(auditEvent).where(and(eq(auditEvent.entityId, c.id), eq(auditEvent.action, 'case.status')));
		expect(audit.map((a) => a.changes)).toEqual([{ status: { from: 'submitted', to: 'in_progress' } }]);

		await changeCaseStatus(staff, inst.id, c.id, { status: 'done', reason: '', version: String(handled.case.version) });
		const refused = await failure(issueLetter(staff, inst.id, c.id, { kind: 'enrolment', locale: 'zh' }));
		expect(refused).toMatchObject({ status: 400, messageKey: 'error_case_closed', fields: { kind: 'error_case_closed' } });
		expect(await caseLetters(staff, inst.id, c.id)).toHaveLength(1);
	});

	it('lets admins word each letter, refusing unknown placeholders; other institutions get 404', async () => {
		const { inst, admin, staff, c } = await caseWithApplicant();
		expect((await letterTemplates(staff, inst.id)).map((x) => [x.kind, x.isDefault])).toEqual([['invitation', true], ['enrolment', true], ['arrival', true]]);
		const err = await failure(saveLetterTemplate(admin, inst.id, 'enrolment', { 'title.zh': '在读证明', 'body.zh': '兹证明{{name}}{{nickname}}', 'body.en': 'We confirm {{name}}.', signatoryName: '', version: '0' }));
		expect(err.fields).toEqual({ 'body.zh': 'error_letter_placeholder', signatoryName: 'error_required' });
		await saveLetterTemplate(admin, inst.id, 'enrolment', { 'title.zh': '在读证明', 'body.zh': '兹证明{{name}}在我校学习。', 'title.en': 'Enrolment', 'body.en': 'We confirm that {{name}} studies here.', signatoryName: '王老师', 'signatoryTitle.zh': '国际处处长', version: '0' });
		expect((await failure(saveLetterTemplate(staff, inst.id, 'enrolment', { version: '1' }))).status).toBe(403);
		const letter = (await issueLetter(staff, inst.id, c.id, { kind: 'enrolment', locale: 'zh' }))!;
		expect((await verifyLetter(await contextFor(platform, null), letter.code))!.facts.title).toBe('在读证明');

		const other = await caseWithApplicant();
		expect((await failure(issueLetter(other.staff, inst.id, c.id, { kind: 'invitation', locale: 'en' }))).status).toBe(404);
		expect((await failure(issueLetter(other.staff, other.inst.id, c.id, { kind: 'invitation', locale: 'en' }))).status).toBe(404);
		expect((await failure(revokeLetter(other.staff, other.inst.id, letter.id, { reason: 'x' }))).status).toBe(404);
		expect(normalizeCode('abcd efgh jkl')).toBeNull();

		// A profile without the facts the letter's text needs: refused, rather than printing "—".
		await saveOwnProfile(other.me, { kind: 'student', institution: other.inst.slug, nationality: 'KZ', arrivalDate: '2027-08-28', housing: 'unknown', version: '1' }, new Date('2026-11-28T00:00:00Z'));
		const missing = await failure(issueLetter({ ...other.staff, locale: 'zh' }, other.inst.id, other.c.id, { kind: 'invitation', locale: 'en' }));
		expect(missing.fields).toEqual({ kind: 'error_letter_missing_facts' });
		// Staff are told which facts, in their language.
		expect(missing.messageKey).toBe('letters_error_missing_facts');
		expect(missing.params.list).toContain('护照上的性别');
		expect(missing.params.list).toContain('家庭住址');
		expect(missing.params.list).not.toContain('国籍');
	});
});

describe('a reference from the authorities on a letter', () => {
	it('is recorded by staff, audited, shown to the applicant next to the letter and mailed once committed', async () => {
		const { inst, staff, me, applicant, c } = await caseWithApplicant();
		const letter = (await issueLetter(staff, inst.id, c.id, { kind: 'invitation', locale: 'kk' }))!;
		expect((await myCaseLetters(me, c.id))[0]).toMatchObject({ id: letter.id, authorityReference: null });

		await setAuthorityReference(staff, inst.id, letter.id, { authorityReference: '  KZ-MIG  2027/004512 ' }, new Date('2027-06-01T08:00:00Z'));
		const [mine] = await myCaseLetters(me, c.id);
		expect(mine).toMatchObject({ code: letter.code, title: 'Шақыру хаты', authorityReference: 'KZ-MIG 2027/004512' });
		expect(mine!.authorityReferenceAt).toEqual(new Date('2027-06-01T08:00:00Z'));
		const mail = (await lastMailTo(platform.db, applicant.email, 'case_letter_reference'))!;
		expect(mail.locale).toBe('kk');
		expect(mail.text).toContain('KZ-MIG 2027/004512');
		expect(mail.text).toContain('Шақыру хаты');
		expect(mail.url).toContain(`/kk/my/requests/${c.id}`);

		// The same value again changes nothing and mails nothing; a correction is audited and mailed; clearing mails nothing.
		await setAuthorityReference(staff, inst.id, letter.id, { authorityReference: 'KZ-MIG 2027/004512' });
		await setAuthorityReference(staff, inst.id, letter.id, { authorityReference: 'KZ-MIG 2027/004513' });
		await setAuthorityReference(staff, inst.id, letter.id, { authorityReference: '' });
		expect((await caseLetters(staff, inst.id, c.id))[0]).toMatchObject({ authorityReference: null, authorityReferenceAt: null });
		const mails = await platform.db.select().from(mailMessage).where(and(eq(mailMessage.to, applicant.email), eq(mailMessage.template, 'case_letter_reference')));
		expect(mails).toHaveLength(2);
		const audit = await platform.db.select().from(auditEvent).where(and(eq(auditEvent.entityId, letter.id), eq(auditEvent.action, 'letter.authority_reference'))).orderBy(auditEvent.id);
		expect(audit.map((a) => a.changes.authorityReference)).toEqual([
			{ from: null, to: 'KZ-MIG 2027/004512' },
			{ from: 'KZ-MIG 2027/004512', to: 'KZ-MIG 2027/004513' },
			{ from: 'KZ-MIG 2027/004513', to: null }
		]);
		expect(audit.every((a) => a.institutionId === inst.id)).toBe(true);
	});

	it('refuses a reference that is too long, and answers 404 for another institution’s letter, 403 for an editor', async () => {
		const { inst, admin, staff, me, c } = await caseWithApplicant();
		const letter = (await issueLetter(staff, inst.id, c.id, { kind: 'invitation', locale: 'zh' }))!;
		expect((await failure(setAuthorityReference(staff, inst.id, letter.id, { authorityReference: 'x'.repeat(101) }))).fields).toEqual({ authorityReference: 'error_too_long' });

		const other = await caseWithApplicant();
		// Another institution's staff, through their own workspace or the letter's: not found.
		expect((await failure(setAuthorityReference(other.staff, other.inst.id, letter.id, { authorityReference: 'X1' }))).status).toBe(404);
		expect((await failure(setAuthorityReference(other.staff, inst.id, letter.id, { authorityReference: 'X1' }))).status).toBe(404);
		expect((await failure(setAuthorityReference(staff, inst.id, 'not-a-letter', { authorityReference: 'X1' }))).status).toBe(404);
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
		expect((await failure(setAuthorityReference(editor, inst.id, letter.id, { authorityReference: 'X1' }))).status).toBe(403);
		expect((await caseLetters(admin, inst.id, c.id))[0]!.authorityReference).toBeNull();

		// Another applicant does not see this request's letters.
		expect(await myCaseLetters(other.me, c.id)).toEqual([]);
		expect(await myCaseLetters(me, c.id)).toHaveLength(1);
	});
});
