import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../audit/audit.tables';
import { seedGuides } from '../guides/guides.service';
import type { RunningPlatform } from '../platform/platform';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { readCaseDocument } from '../welcome/case-handling.service';
import { saveCatalogueService } from '../welcome/catalogue.service';
import { getMyCase, submitRequest } from '../welcome/cases.service';
import { saveOwnProfile } from '../welcome/incoming.service';
import { caseLetters, issueLetter, letterTemplates, normalizeCode, revokeLetter, saveLetterTemplate, verifyLetter } from './letters.service';

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
	const me = await contextFor(platform, (await makeUser(platform, { locale: 'kk' })).id);
	await saveOwnProfile(me, { kind: 'student', institution: inst.slug, nationality: 'KZ', dateOfBirth: '2004-03-08', passportNumber: 'N12345678', passportExpiry: '2032-01-01', stayStart: '2027-09-01', stayEnd: '2028-01-31', arrivalDate: '2027-08-28', housing: 'on_campus', version: '0' }, new Date('2026-11-28T00:00:00Z'));
	const c = await submitRequest(me, service.id, { submissionKey: crypto.randomUUID() });
	return { inst, admin, staff, me, c };
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
		expect(checked).toMatchObject({ kind: 'invitation', locale: 'kk', revokedAt: null, facts: { title: 'Шақыру хаты', stay: '2027 ж. 1 қыркүйек – 2028 ж. 31 қаңтар' } });
		expect(await verifyLetter(await contextFor(platform, null), 'AAAA-BBBB-CCCC')).toBeNull();

		await revokeLetter(staff, inst.id, letter.id, { reason: 'Dates changed' });
		expect((await verifyLetter(await contextFor(platform, null), letter.code))!.revokedReason).toBe('Dates changed');
		const audit = await platform.db.select().from(auditEvent).where(and(eq(auditEvent.entityId, letter.id), eq(auditEvent.action, 'letter.issue')));
		expect(audit.length).toBe(1);
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
		expect((await failure(issueLetter(other.staff, other.inst.id, other.c.id, { kind: 'invitation', locale: 'en' }))).fields).toEqual({ kind: 'error_letter_missing_facts' });
	});
});
