import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGuides } from '../guides/guides.service';
import { isDue, runJob } from '../jobs/jobs';
import { jobRun } from '../jobs/jobs.tables';
import { mailMessage } from '../mail/mail.tables';
import type { RunningPlatform } from '../boot/platform';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { saveOwnProfile } from './incoming.service';
import { REMINDER_JOB, sendDueReminders } from './reminders';
import { markStep } from './timeline.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

const reminders = (email: string) => platform.db.select().from(mailMessage).where(and(eq(mailMessage.to, email), eq(mailMessage.template, 'step_reminder')));

describe('arrival timeline reminders', () => {
	it('e-mails each step due soon once, in the person’s language, and not a step already done', async () => {
		const inst = await makeInstitution(platform, { countryCode: 'KZ' });
		const person = await makeUser(platform, { locale: 'ru' });
		const me = await contextFor(platform, person.id);
		await saveOwnProfile(me, { kind: 'student', institution: inst.slug, nationality: 'DE', arrivalDate: '2027-01-29', stayEnd: '2027-06-30', housing: 'on_campus', version: '0' }, new Date('2026-12-01T00:00:00Z'));
		// Two weeks before: nothing is due soon.
		await sendDueReminders(platform, new Date('2027-01-15T06:00:00Z'));
		expect(await reminders(person.email)).toEqual([]);

		// Monday 1 February: the migration notification is due on Wednesday 3 February.
		const monday = new Date('2027-02-01T06:00:00Z');
		await sendDueReminders(platform, monday);
		const first = await reminders(person.email);
		expect(first.map((r) => r.subject)).toEqual([expect.stringContaining('Университет уведомляет миграционную службу')]);
		expect(first[0]!.text).toContain('3 февраля 2027');
		expect(first[0]!.locale).toBe('ru');

		// Again (a second run, a restarted server): no second e-mail for it (only the next step, the dormitory's certificate due on 5 February).
		await sendDueReminders(platform, new Date('2027-02-02T06:00:00Z'));
		expect((await reminders(person.email)).map((r) => r.subject)).toEqual([expect.stringContaining('Университет уведомляет миграционную службу'), expect.stringContaining('Медицинская справка для общежития')]);

		// A step ticked off gets no reminder.
		const other = await makeUser(platform);
		const them = await contextFor(platform, other.id);
		await saveOwnProfile(them, { kind: 'student', institution: inst.slug, nationality: 'DE', arrivalDate: '2027-01-29', stayEnd: '2027-06-30', housing: 'on_campus', version: '0' }, new Date('2026-12-01T00:00:00Z'));
		await markStep(them, 'migration_notification', true);
		await sendDueReminders(platform, monday);
		expect(await reminders(other.email)).toEqual([]);
	});

	it('reminds a student in their third year of the yearly visa renewal, long after arrival', async () => {
		const inst = await makeInstitution(platform, { countryCode: 'KZ' });
		const person = await makeUser(platform, { locale: 'kk' });
		await saveOwnProfile(await contextFor(platform, person.id), { kind: 'student', institution: inst.slug, nationality: 'IN', arrivalDate: '2027-08-28', stayEnd: '2030-07-01', housing: 'off_campus', version: '0' }, new Date('2026-12-01T00:00:00Z'));
		// The second anniversary is 28 August 2029: renew by 29 July.
		await sendDueReminders(platform, new Date('2029-07-27T06:00:00Z'));
		const sent = await reminders(person.email);
		expect(sent.map((r) => r.subject)).toEqual([expect.stringContaining('Студенттік визаңызды (C9) келесі жылға ұзартыңыз')]);
		expect(sent[0]!.text).toContain('2029');
	});

	it('runs as a job that never runs twice at once and knows when it is next due', async () => {
		const [running] = await platform.db.insert(jobRun).values({ job: REMINDER_JOB.name }).returning();
		expect(await runJob(platform, REMINDER_JOB)).toBeNull();
		// A run left behind by a server that died no longer blocks.
		await platform.db.update(jobRun).set({ startedAt: new Date(Date.now() - 60 * 60_000) }).where(eq(jobRun.id, running!.id));
		expect(await runJob(platform, REMINDER_JOB)).toMatchObject({ sent: expect.any(Number) });
		// Another server (or worker) that found it due a moment ago steps back: it ran once.
		expect(await runJob(platform, REMINDER_JOB)).toBeNull();
		expect(await isDue(platform, REMINDER_JOB)).toBe(false);
		expect(await isDue(platform, REMINDER_JOB, new Date(Date.now() + 61 * 60_000))).toBe(true);
		const runs = await platform.db.select().from(jobRun).where(eq(jobRun.job, REMINDER_JOB.name));
		expect(runs.map((r) => r.error ?? 'ok').sort()).toEqual(['abandoned: its server stopped while it ran', 'ok']);
	});
});
