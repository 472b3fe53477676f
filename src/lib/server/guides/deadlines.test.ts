import { describe, expect, it } from 'vitest';
import { addWorkingDays, applyOffset, EMPTY_CALENDAR, isValidIsoDate, isWorkingDay, type WorkingCalendar } from './deadlines';

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
