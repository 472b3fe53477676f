import { describe, expect, it } from 'vitest';
import { CALENDAR_DAYS } from './calendar.data';
import { addCalendarDays, addWorkingDays, addYears, applyOffset, EMPTY_CALENDAR, isValidIsoDate, isWorkingDay, type WorkingCalendar } from './deadlines';

// Kazakhstan, spring 2026: Nauryz on Saturday 21 – Monday 23 March (and the 24th, moved).
const kazakhstan: WorkingCalendar = {
	holidays: new Set(['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']),
	workingWeekendDays: new Set(),
	weekend: [0, 6]
};
// A China-style calendar: a holiday week with a Saturday made a working day.
const china: WorkingCalendar = {
	holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']),
	workingWeekendDays: new Set(['2026-10-10']),
	weekend: [0, 6]
};

describe('anniversaries', () => {
	it('keeps the day of the month, and turns 29 February into 28 February in a common year', () => {
		expect(addYears('2026-08-28', 1)).toBe('2027-08-28');
		expect(addYears('2026-08-28', 2)).toBe('2028-08-28');
		expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
		expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
	});
});

describe('working days', () => {
	it('skips the weekend: 3 working days after a Friday arrival is Wednesday', () => {
		expect(addWorkingDays('2026-09-04', 3, EMPTY_CALENDAR)).toBe('2026-09-09');
	});

	it('skips public holidays: arriving on Friday 20 March 2026 in Kazakhstan, the third working day is 27 March', () => {
		expect(addWorkingDays('2026-03-20', 3, kazakhstan)).toBe('2026-03-27');
	});

	it('counts a make-up Saturday as a working day', () => {
		expect(isWorkingDay('2026-10-10', china)).toBe(true);
		expect(addWorkingDays('2026-09-30', 3, china)).toBe('2026-10-10');
		expect(addWorkingDays('2026-10-08', 2, china)).toBe('2026-10-10');
	});

	it('counts backwards for "apply at least N working days before"', () => {
		expect(addWorkingDays('2026-09-07', -5, EMPTY_CALENDAR)).toBe('2026-08-31');
	});
});

describe('rule offsets', () => {
	it('adds hours across midnight: 24 hours after a 22:40 landing', () => {
		expect(applyOffset({ date: '2026-08-30', time: '22:40' }, 24, 'hours', EMPTY_CALENDAR)).toEqual({ date: '2026-08-31', time: '22:40' });
	});

	it('adds calendar days, month ends included', () => {
		expect(applyOffset({ date: '2026-08-15' }, 30, 'calendar_days', EMPTY_CALENDAR)).toEqual({ date: '2026-09-14' });
		expect(applyOffset({ date: '2028-02-01' }, 30, 'calendar_days', EMPTY_CALENDAR)).toEqual({ date: '2028-03-02' });
	});

	it('adds working days with the country calendar', () => {
		expect(applyOffset({ date: '2026-03-20' }, 3, 'working_days', kazakhstan)).toEqual({ date: '2026-03-27' });
	});
});

describe('dates people type', () => {
	it.each(['2026-02-30', '2026-13-01', '2026-1-5', '26-01-05', '', 'tomorrow'])('rejects %s', (value) => {
		expect(isValidIsoDate(value)).toBe(false);
	});
	it('accepts a leap day in a leap year only', () => {
		expect(isValidIsoDate('2028-02-29')).toBe(true);
		expect(isValidIsoDate('2027-02-29')).toBe(false);
	});
});

describe('China 2027 (the seeded calendar)', () => {
	const rows = CALENDAR_DAYS.filter((d) => d.countryCode === 'CN' && d.date.startsWith('2027-'));
	const china2027: WorkingCalendar = {
		holidays: new Set(rows.filter((d) => d.kind === 'holiday').map((d) => d.date)),
		workingWeekendDays: new Set(rows.filter((d) => d.kind === 'working_day').map((d) => d.date)),
		weekend: [0, 6]
	};
	const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

	it('skips the Spring Festival and counts the make-up Sunday before it: 6 working days after Friday 29 January is Monday 15 February', () => {
		// Sunday 31 January (make-up) 1, 1–4 February 2–5, 5–14 February off, Monday 15 February 6.
		expect(addWorkingDays('2027-01-29', 6, china2027)).toBe('2027-02-15');
		expect(applyOffset({ date: '2027-01-29' }, 6, 'working_days', china2027)).toEqual({ date: '2027-02-15' });
		expect(addWorkingDays('2027-02-04', 1, china2027)).toBe('2027-02-15');
	});

	it('counts the make-up Saturday after it: 3 working days after Wednesday 17 February is Saturday 20 February', () => {
		expect(isWorkingDay('2027-02-20', china2027)).toBe(true);
		expect(addWorkingDays('2027-02-17', 3, china2027)).toBe('2027-02-20');
	});

	it('has every festival of 2027, on the right days of the week, unverified and with its source', () => {
		const names = new Set(rows.filter((d) => d.kind === 'holiday').map((d) => d.name.en));
		for (const name of ['New Year’s Day', 'Spring Festival', 'Qingming Festival', 'Labour Day', 'Dragon Boat Festival', 'Mid-Autumn Festival', 'National Day']) expect(names).toContain(name);
		// Lunar dates: Spring Festival Saturday 6 February, Qingming Monday 5 April, Dragon Boat and Mid-Autumn on Wednesdays.
		expect([weekday('2027-02-06'), weekday('2027-04-05'), weekday('2027-06-09'), weekday('2027-09-15')]).toEqual([6, 1, 3, 3]);
		for (const date of ['2027-02-05', '2027-02-12', '2027-04-05', '2027-05-05', '2027-06-09', '2027-09-15']) expect(china2027.holidays.has(date)).toBe(true);
		// Make-up working days are weekend days, and none is also a holiday.
		expect([...china2027.workingWeekendDays].sort()).toEqual(['2027-01-31', '2027-02-20', '2027-05-08', '2027-09-26', '2027-10-09']);
		for (const date of china2027.workingWeekendDays) {
			expect([0, 6]).toContain(weekday(date));
			expect(china2027.holidays.has(date)).toBe(false);
		}
		for (const row of rows) {
			expect(row.unverified).toBe(true);
			expect(row.sourceUrl).toMatch(/^https:\/\/www\.gov\.cn\//);
			expect(row.verifiedOn).toMatch(/^2026-1[12]-\d{2}$/);
		}
	});

	it('lists each country’s date once (seeding skips a row that exists, so a duplicate would hide)', () => {
		const keys = CALENDAR_DAYS.map((d) => `${d.countryCode} ${d.date}`);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('never has more than six working days in a row around the 2027 holidays', () => {
		let run = 0;
		let longest = 0;
		for (let date = '2027-01-01'; date <= '2027-10-31'; date = addCalendarDays(date, 1)) {
			run = isWorkingDay(date, china2027) ? run + 1 : 0;
			longest = Math.max(longest, run);
		}
		expect(longest).toBeLessThanOrEqual(6);
	});
});
