import { and, eq, gte, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { contextFor, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { addWorkingDays } from './deadlines';
import { loadWorkingCalendar, seedGuides } from './guides.service';
import { calendarDay } from './guides.tables';
import { withdrawCalendarDay } from './rules-editing.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

describe('the seeded calendar on an existing database', () => {
	it('adds China’s 2027 festivals at the next start, and leaves a day an editor withdrew withdrawn', async () => {
		// A database seeded before the 2027 festivals were known: only New Year's Day and National Day.
		await platform.db
			.delete(calendarDay)
			.where(and(eq(calendarDay.countryCode, 'CN'), gte(calendarDay.date, '2027-01-02'), lte(calendarDay.date, '2027-09-30')));
		const ctx = await contextFor(platform, (await makeUser(platform, { platformRole: 'country_editor' })).id);
		await withdrawCalendarDay(ctx, 'cn', '2027-10-01');

		await seedGuides(platform);

		const calendar = await loadWorkingCalendar(ctx, 'CN', '2027-01-01', '2027-12-31');
		for (const date of ['2027-02-05', '2027-02-12', '2027-04-05', '2027-05-01', '2027-06-09', '2027-09-15']) expect(calendar.holidays.has(date), date).toBe(true);
		expect(calendar.workingWeekendDays.has('2027-01-31')).toBe(true);
		expect(addWorkingDays('2027-01-29', 6, calendar)).toBe('2027-02-15');
		expect(calendar.holidays.has('2027-10-01')).toBe(false);
		const [row] = await platform.db.select().from(calendarDay).where(and(eq(calendarDay.countryCode, 'CN'), eq(calendarDay.date, '2027-02-06')));
		expect(row).toMatchObject({ kind: 'holiday', unverified: true, verifiedOn: '2026-12-02' });
		expect(row?.sourceUrl).toMatch(/^https:\/\/www\.gov\.cn\//);
	});
});
