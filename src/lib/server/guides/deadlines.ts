/**
 * Deadline arithmetic for arrival rules, on local dates of the destination country.
 * Pure functions: no clock, no database. Dates are ISO strings (YYYY-MM-DD), times HH:MM.
 */
export type DeadlineUnit = 'hours' | 'calendar_days' | 'working_days';

export interface WorkingCalendar {
	/** Public holidays (no work even on a weekday). */
	holidays: ReadonlySet<string>;
	/** Weekend days that are working days (e.g. China's make-up days around holidays). */
	workingWeekendDays: ReadonlySet<string>;
	/** Days of the week that are off: 0 = Sunday … 6 = Saturday. */
	weekend: readonly number[];
}

export const EMPTY_CALENDAR: WorkingCalendar = { holidays: new Set(), workingWeekendDays: new Set(), weekend: [0, 6] };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isValidIsoDate(value: string): boolean {
	const match = ISO_DATE.exec(value);
	if (!match) return false;
	const [, y, m, d] = match.map(Number) as [number, number, number, number];
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function toUtc(date: string): Date {
	if (!isValidIsoDate(date)) throw new RangeError(`not a date: ${date}`);
	return new Date(`${date}T00:00:00Z`);
}

const fromUtc = (date: Date) => date.toISOString().slice(0, 10);

export function addCalendarDays(date: string, days: number): string {
	const d = toUtc(date);
	d.setUTCDate(d.getUTCDate() + days);
	return fromUtc(d);
}

/** The same day `years` years later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
	const d = toUtc(date);
	const target = new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), 1));
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
	return fromUtc(target);
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
	if (calendar.holidays.has(date)) return false;
	if (calendar.workingWeekendDays.has(date)) return true;
	return !calendar.weekend.includes(toUtc(date).getUTCDay());
}

/**
 * The date `days` working days after (or, when negative, before) `date`; `date` itself does
 * not count. "Within 3 working days of arrival on Friday" ends on Wednesday.
 */
export function addWorkingDays(date: string, days: number, calendar: WorkingCalendar): string {
	const step = days < 0 ? -1 : 1;
	let remaining = Math.abs(days);
	let current = date;
	while (remaining > 0) {
		current = addCalendarDays(current, step);
		if (isWorkingDay(current, calendar)) remaining--;
	}
	return current;
}

export interface LocalMoment {
	date: string;
	/** HH:MM when the deadline is an hour, not a whole day. */
	time?: string;
}

/** Applies a rule's offset to the anchor moment (local time of the destination country). */
export function applyOffset(anchor: LocalMoment, offset: number, unit: DeadlineUnit, calendar: WorkingCalendar): LocalMoment {
	switch (unit) {
		case 'hours': {
			const [h, m] = (anchor.time ?? '12:00').split(':').map(Number) as [number, number];
			const start = toUtc(anchor.date).getTime() + (h * 60 + m) * 60_000;
			const end = new Date(start + offset * 3_600_000);
			return { date: fromUtc(end), time: end.toISOString().slice(11, 16) };
		}
		case 'calendar_days':
			return { date: addCalendarDays(anchor.date, offset) };
		case 'working_days':
			return { date: addWorkingDays(anchor.date, offset, calendar) };
	}
}

export function daysBetween(from: string, to: string): number {
	return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}
