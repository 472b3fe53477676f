import { and, eq } from 'drizzle-orm';
import { auditEvent } from '../audit/audit.tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { user } from '../auth/auth.tables';
import { seedGuides } from '../guides/guides.service';
import { caseLetters, issueLetter, setAuthorityReference, verifyLetter } from '../letters/letters.service';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { contextFor } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { addCaseNote, getCase, postStaffMessage } from './case-handling.service';
import { serviceFigures } from './case-figures.service';
import { submitRequest } from './cases.service';
import { caseDocument } from './cases.tables';
import { getOwnProfile, saveOwnProfile } from './incoming.service';
import { deleteOwnAccount, eraseExpiredPersonalData, exportOwnData } from './privacy.service';
import { files, PDF, welcomeSetting } from './welcome.testkit';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

describe('personal data', () => {
	it('is given to the person as one file, without staff notes', async () => {
		const { inst, staff, pickup, me } = await welcomeSetting(platform);
		const c = await submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 922' }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }));
		await postStaffMessage(staff, inst.id, c.id, { body: 'Welcome!' });
		await addCaseNote(staff, inst.id, c.id, { note: 'Internal: check the visa' });
		await saveOwnProfile(me, { kind: 'student', institution: inst.slug, nationality: 'DE', passportName: 'MUSTERMANN ERIKA', sex: 'F', dateOfBirth: '2003-04-05', placeOfBirth: 'BERLIN', homeAddress: 'Hauptstraße 1, 10115 Berlin', passportNumber: 'C01X00T47', passportIssuedOn: '2021-01-02', passportExpiry: '2031-01-01', stayStart: '2027-02-01', stayEnd: '2027-06-30', arrivalDate: '2027-01-25', housing: 'unknown', version: '1' }, new Date('2026-11-28T00:00:00Z'));
		const letter = (await issueLetter(staff, inst.id, c.id, { kind: 'invitation', locale: 'en' }))!;
		await setAuthorityReference(staff, inst.id, letter.id, { authorityReference: 'MIG-2027-1' });
		const data = await exportOwnData(me);
		expect(data.profile).toMatchObject({ nationality: 'DE', arrivalDate: '2027-01-25', passportName: 'MUSTERMANN ERIKA', sex: 'F', placeOfBirth: 'BERLIN', homeAddress: 'Hauptstraße 1, 10115 Berlin', passportIssuedOn: '2021-01-02', purpose: 'study' });
		expect((data.requests[0] as Record<string, unknown>).letters).toMatchObject([{ kind: 'invitation', verificationCode: letter.code, authorityReference: 'MIG-2027-1' }]);
		expect(data.requests[0]!.answers).toEqual({ flight: 'KC 922' });
		expect(data.requests[0]!.documents.map((d) => d.name)).toEqual(['passport.pdf', expect.stringContaining(letter.code)]);
		expect(data.requests[0]!.messagesAndHistory.map((e) => e.body)).toContain('Welcome!');
		expect(JSON.stringify(data)).not.toContain('Internal: check the visa');
	});

	it('is erased with the account on request: files gone, cases kept for the figures, letters still verify by initials', async () => {
		const { inst, staff, pickup, me, student } = await welcomeSetting(platform);
		const c = await submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 922' }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }));
		const [scan] = await platform.db.select().from(caseDocument).where(eq(caseDocument.caseId, c.id));
		const letter = (await issueLetter(staff, inst.id, c.id, { kind: 'enrolment', locale: 'en' }))!;
		await setAuthorityReference(staff, inst.id, letter.id, { authorityReference: 'MIG-2027-2' });
		expect((await failure(deleteOwnAccount(me, { confirm: 'someone@else.org' }))).fields).toEqual({ confirm: 'error_confirm_email' });
		expect((await failure(deleteOwnAccount(staff, { confirm: staff.actor!.email }))).fields).toEqual({ confirm: 'error_staff_cannot_delete' });

		await deleteOwnAccount(me, { confirm: student.email.toUpperCase() });
		expect(await platform.db.select().from(user).where(eq(user.id, student.id))).toEqual([]);
		expect(await platform.media.get(scan!.storageKey)).toBeNull();
		const kept = await getCase(staff, inst.id, c.id);
		expect(kept.case).toMatchObject({ status: 'declined', answers: {}, applicantId: null });
		expect(kept.documents.map((d) => d.documentKey)).toEqual(['letter']);
		expect((await serviceFigures(staff, inst.id))[0]!.submitted).toBe(1);
		expect((await verifyLetter(await contextFor(platform, null), letter.code))!.facts.name).toMatch(/^(\S\. ?)+$/);
		expect((await caseLetters(staff, inst.id, c.id))[0]).toMatchObject({ code: letter.code, authorityReference: null, authorityReferenceAt: null });
		const trail = await platform.db.select().from(auditEvent).where(and(eq(auditEvent.entityId, letter.id), eq(auditEvent.action, 'letter.authority_reference')));
		expect(trail.map((a) => a.changes)).toEqual([{}]);
	});

	it('is erased by the retention job once the stay ended long enough ago, and not before', async () => {
		const { me } = await welcomeSetting(platform);
		await saveOwnProfile(me, { kind: 'student', institution: '', nationality: 'DE', arrivalDate: '2027-01-25', stayEnd: '2027-06-30', housing: 'unknown', version: '1' }, new Date('2026-11-28T00:00:00Z'));
		await eraseExpiredPersonalData(platform, new Date('2028-06-01T00:00:00Z'));
		expect((await getOwnProfile(me)).version).toBe(2);
		const result = await eraseExpiredPersonalData(platform, new Date('2028-07-15T00:00:00Z'));
		expect(result.people).toBeGreaterThanOrEqual(1);
		expect((await getOwnProfile(me)).version).toBe(0);
	});
});
