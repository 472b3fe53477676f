import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGuides } from '../guides/guides.service';
import { mailMessage } from '../mail/mail.tables';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { createTestPlatform } from '../testing/platform';
import { buddyBoard, matchBuddy, myBuddy, saveBuddy, unmatchBuddy } from './buddies.service';
import { saveOwnProfile } from './incoming.service';
import { welcomeSetting } from './welcome.testkit';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

describe('buddies', () => {
	it('suggests a buddy who speaks the person’s language, matches them, tells both, and keeps to capacity', async () => {
		const { inst, staff, me, student } = await welcomeSetting(platform);
		await saveOwnProfile(me, { kind: 'student', institution: inst.slug, nationality: 'DE', arrivalDate: '2027-01-25', housing: 'unknown', languages: 'de,en', interests: 'Chess and hiking', version: '1' }, new Date('2026-11-28T00:00:00Z'));
		const err = await failure(saveBuddy(staff, inst.id, null, { name: '', email: 'not-an-email', languages: '', interests: '', capacity: '0', version: '0' }));
		expect(err.fields).toEqual({ name: 'error_required', email: 'error_email_invalid', languages: 'error_choose_at_least_one', capacity: 'error_number_range' });
		const aigerim = await saveBuddy(staff, inst.id, null, { name: 'Aigerim', email: 'aigerim@students.test', languages: 'kk,ru,en', interests: 'chess, music', capacity: '1', active: 'on', version: '0' });
		await saveBuddy(staff, inst.id, null, { name: 'Dauren', email: 'dauren@students.test', languages: 'kk,ru', interests: 'chess', capacity: '2', active: 'on', version: '0' });
		expect((await failure(saveBuddy(staff, inst.id, null, { name: 'Again', email: 'AIGERIM@students.test', languages: 'en', interests: '', capacity: '1', active: 'on', version: '0' }))).fields).toEqual({ email: 'error_buddy_email_taken' });

		const board = await buddyBoard(staff, inst.id);
		const person = board.people.find((p) => p.userId === student.id)!;
		expect(person.suggestions.map((s) => [s.name, s.languages, s.interests])).toEqual([['Aigerim', ['en'], ['chess']]]);

		await matchBuddy(staff, inst.id, { person: student.id, buddy: aigerim.id });
		expect(await myBuddy(me)).toMatchObject({ name: 'Aigerim', email: 'aigerim@students.test' });
		const mails = await platform.db.select().from(mailMessage).where(and(eq(mailMessage.template, 'buddy_for_volunteer'), eq(mailMessage.to, 'aigerim@students.test')));
		expect(mails.length).toBe(1);
		expect((await platform.db.select().from(mailMessage).where(and(eq(mailMessage.template, 'buddy_for_incoming'), eq(mailMessage.to, student.email)))).length).toBe(1);

		// Aigerim offered to help one person: a second match is refused.
		const second = await welcomeSetting(platform);
		await saveOwnProfile(second.me, { kind: 'student', institution: inst.slug, nationality: 'IN', arrivalDate: '2027-02-01', housing: 'unknown', languages: 'en', interests: '', version: '1' }, new Date('2026-11-28T00:00:00Z'));
		expect((await failure(matchBuddy(staff, inst.id, { person: second.student.id, buddy: aigerim.id }))).fields).toEqual({ buddy: 'error_buddy_full' });
		await unmatchBuddy(staff, inst.id, { person: student.id });
		expect(await myBuddy(me)).toBeNull();
		// Other institutions see none of it.
		expect((await failure(buddyBoard(second.staff, inst.id))).status).toBe(404);
		expect((await failure(matchBuddy(second.staff, second.inst.id, { person: student.id, buddy: aigerim.id }))).status).toBe(404);
	});
});
