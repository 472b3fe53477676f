import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../audit/audit.tables';
import { seedGuides } from '../guides/guides.service';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { getOwnProfile, saveOwnProfile } from './incoming.service';
import { markStep, personalTimeline } from './timeline.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

const NOW = new Date('2026-11-28T12:00:00Z');
const form = (slug: string, overrides: Record<string, string> = {}) => ({
	kind: 'student',
	institution: slug,
	nationality: 'de',
	dateOfBirth: '2003-05-01',
	passportNumber: 'c01x 00t47',
	passportExpiry: '2031-01-01',
	stayStart: '2027-02-01',
	stayEnd: '2027-06-30',
	arrivalDate: '2027-01-25',
	arrivalTime: '23:10',
	flightNumber: 'kc 922',
	arrivalAirport: 'NQZ',
	housing: 'on_campus',
	version: '0',
	'f.0.name': 'Anna Example',
	'f.0.relation': 'spouse',
	'f.0.nationality': 'DE',
	'f.1.name': '',
	'f.1.relation': 'child',
	...overrides
});

describe('the incoming person’s profile', () => {
	it('saves the profile, cleaned, and audits it with the passport number masked', async () => {
		const inst = await makeInstitution(platform);
		const me = await contextFor(platform, (await makeUser(platform)).id);
		await saveOwnProfile(me, form(inst.slug), NOW);
		const saved = await getOwnProfile(me);
		expect(saved).toMatchObject({ institutionId: inst.id, nationality: 'DE', passportNumber: 'C01X00T47', flightNumber: 'KC922', version: 1 });
		expect(saved.family).toEqual([{ name: 'Anna Example', relation: 'spouse', dateOfBirth: null, nationality: 'DE' }]);
		const [audit] = await platform.db.select().from(auditEvent).where(and(eq(auditEvent.entityType, 'incoming_profile'), eq(auditEvent.entityId, me.actor!.userId)));
		expect(audit!.changes.passportNumber).toEqual({ from: null, to: '•••T47' });
		expect(JSON.stringify(audit!.changes)).not.toContain('C01X00T47');
	});

	it('refuses impossible dates, each next to its field, and keeps nothing half-saved', async () => {
		const inst = await makeInstitution(platform);
		const me = await contextFor(platform, (await makeUser(platform)).id);
		const err = await failure(
			saveOwnProfile(me, form(inst.slug, { arrivalDate: '2026-11-01', stayEnd: '2026-10-01', passportNumber: 'AB', flightNumber: 'flight', arrivalTime: '25:00', 'f.1.name': '', 'f.1.dateOfBirth': '2020-01-01', 'f.2.name': 'Kid', 'f.2.relation': 'cousin' }), NOW)
		);
		expect(err.fields).toEqual({
			arrivalDate: 'error_arrival_in_past',
			stayEnd: 'error_departure_before_arrival',
			passportNumber: 'error_passport_number',
			flightNumber: 'error_flight_number',
			arrivalTime: 'error_time_invalid',
			'f.1.name': 'error_required',
			'f.2.relation': 'error_choose_one'
		});
		expect((await getOwnProfile(me)).version).toBe(0);
		expect((await failure(saveOwnProfile(me, form(inst.slug, { passportExpiry: '2027-01-01' }), NOW))).fields).toEqual({ passportExpiry: 'error_passport_expired' });
		// Once saved, the same past arrival date passes (the person has arrived).
		await saveOwnProfile(me, form(inst.slug), NOW);
		await saveOwnProfile(me, form(inst.slug, { version: '1', housing: 'off_campus' }), new Date('2027-03-01T00:00:00Z'));
		expect((await failure(saveOwnProfile(me, form(inst.slug, { version: '1' }), NOW))).status).toBe(409);
	});

	it('keeps what visa letters need: the passport name in capitals, sex, birth place, home address, issue date; the address masked in the trail', async () => {
		const inst = await makeInstitution(platform);
		const me = await contextFor(platform, (await makeUser(platform)).id);
		await saveOwnProfile(me, form(inst.slug, { passportName: "  müller-o’brien   anna ", sex: 'F', placeOfBirth: 'BERLIN', homeAddress: 'Hauptstraße 1\r\n10115 Berlin', passportIssuedOn: '2021-01-02' }), NOW);
		const saved = await getOwnProfile(me);
		expect(saved).toMatchObject({ passportName: "MÜLLER-O'BRIEN ANNA", sex: 'F', placeOfBirth: 'BERLIN', homeAddress: 'Hauptstraße 1\n10115 Berlin', passportIssuedOn: '2021-01-02' });
		await saveOwnProfile(me, form(inst.slug, { version: '1', passportName: 'MULLER ANNA', sex: 'F', placeOfBirth: 'BERLIN', homeAddress: 'Hauptstraße 2, 10115 Berlin', passportIssuedOn: '2021-01-02' }), NOW);
		const [created, updated] = await platform.db.select().from(auditEvent).where(and(eq(auditEvent.entityType, 'incoming_profile'), eq(auditEvent.entityId, me.actor!.userId))).orderBy(auditEvent.id);
		expect(created!.changes).toMatchObject({ passportName: { from: null, to: "MÜLLER-O'BRIEN ANNA" }, sex: { from: null, to: 'F' }, passportIssuedOn: { from: null, to: '2021-01-02' }, homeAddress: { from: null, to: '•••' } });
		// A changed address shows as changed, never what it says.
		expect(updated!.changes).toEqual({ passportName: { from: "MÜLLER-O'BRIEN ANNA", to: 'MULLER ANNA' }, homeAddress: { from: '•••', to: '•••' } });
		expect(JSON.stringify([created!.changes, updated!.changes])).not.toContain('Hauptstraße');
	});

	it('refuses a passport name in other letters, an issue date after expiry or in the future, and a birth date to come', async () => {
		const inst = await makeInstitution(platform);
		const me = await contextFor(platform, (await makeUser(platform)).id);
		for (const name of ['Нұрғалиева Әлия', 'ALIYA 2', '王芳', 'ANNA <B>', '-ANNA'])
			expect((await failure(saveOwnProfile(me, form(inst.slug, { passportName: name }), NOW))).fields, name).toEqual({ passportName: 'error_profile_passport_name' });
		expect((await failure(saveOwnProfile(me, form(inst.slug, { passportIssuedOn: '2025-03-01', passportExpiry: '2025-02-28', arrivalDate: '', stayEnd: '' }), NOW))).fields).toEqual({ passportIssuedOn: 'error_profile_issued_after_expiry' });
		expect((await failure(saveOwnProfile(me, form(inst.slug, { passportIssuedOn: '2026-12-05' }), NOW))).fields).toEqual({ passportIssuedOn: 'error_profile_issued_future' });
		expect((await failure(saveOwnProfile(me, form(inst.slug, { dateOfBirth: '2026-12-05', sex: 'Q', purpose: 'tourism' }), NOW))).fields).toEqual({ dateOfBirth: 'error_profile_birth_future', sex: 'error_choose_one', purpose: 'error_choose_one' });
		expect((await getOwnProfile(me)).version).toBe(0);
	});

	it('takes the purpose of the stay from what the person comes as when they leave it blank', async () => {
		const inst = await makeInstitution(platform);
		const me = await contextFor(platform, (await makeUser(platform)).id);
		expect((await getOwnProfile(me)).purpose).toBeNull();
		await saveOwnProfile(me, form(inst.slug, { kind: 'researcher' }), NOW);
		expect((await getOwnProfile(me)).purpose).toBe('research');
		await saveOwnProfile(me, form(inst.slug, { kind: 'staff', purpose: 'short_visit', version: '1' }), NOW);
		expect((await getOwnProfile(me)).purpose).toBe('short_visit');
		await saveOwnProfile(me, form(inst.slug, { kind: 'staff', purpose: '', version: '2' }), NOW);
		expect((await getOwnProfile(me)).purpose).toBe('teaching');
	});

	it('turns the country’s rules into a dated timeline whose steps the person ticks off', async () => {
		const inst = await makeInstitution(platform, { countryCode: 'KZ' });
		const me = await contextFor(platform, (await makeUser(platform)).id);
		expect(await personalTimeline(me, await getOwnProfile(me), NOW)).toBeNull();
		await saveOwnProfile(me, form(inst.slug, { arrivalDate: '2027-01-29', arrivalTime: '', stayEnd: '2027-06-30' }), NOW);
		const timeline = (await personalTimeline(me, await getOwnProfile(me), NOW))!;
		const migration = timeline.steps.find((s) => s.kind === 'rule' && s.code === 'migration_notification')!;
		// Friday 29 January + 3 working days = Wednesday 3 February.
		expect(migration.due.date).toBe('2027-02-03');
		expect(migration.state).toBe('upcoming');
		await markStep(me, 'migration_notification', true);
		const after = (await personalTimeline(me, await getOwnProfile(me), new Date('2027-02-10T00:00:00Z')))!;
		expect(after.steps.find((s) => s.kind === 'rule' && s.code === 'migration_notification')!.state).toBe('done');
		await markStep(me, 'migration_notification', false);
		const late = (await personalTimeline(me, await getOwnProfile(me), new Date('2027-02-10T00:00:00Z')))!;
		expect(late.steps.find((s) => s.kind === 'rule' && s.code === 'migration_notification')!.state).toBe('overdue');
		expect((await failure(markStep(me, 'no_such_step', true))).fields).toEqual({ step: 'error_choose_one' });
	});
});
