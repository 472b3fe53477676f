import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import { notFound } from '../platform/errors';
import type { Platform, ServiceContext } from '../platform/context';
import type { WorkingCalendar } from './deadlines';
import { CALENDAR_DAYS } from './calendar.data';
import { GUIDES } from './guides.data';
import { ARRIVAL_RULES, VISA_ROUTES } from './rules.data';
import { arrivalRule, calendarDay, countryGuide, visaRoute } from './guides.tables';

export type CountryGuide = typeof countryGuide.$inferSelect;
export type VisaRoute = typeof visaRoute.$inferSelect;
export type ArrivalRule = typeof arrivalRule.$inferSelect;

/** Reference data (country facts): loaded on every start, adding what is missing. */
export async function seedGuides(platform: Platform) {
	await platform.db.transaction(async (tx) => {
		await tx.insert(countryGuide).values(GUIDES).onConflictDoNothing();
		await tx.insert(visaRoute).values(VISA_ROUTES).onConflictDoNothing();
		await tx.insert(arrivalRule).values(ARRIVAL_RULES).onConflictDoNothing();
		await tx.insert(calendarDay).values(CALENDAR_DAYS).onConflictDoNothing();
	});
}

export async function listGuides(ctx: ServiceContext) {
	return ctx.db
		.select({ countryCode: countryGuide.countryCode, depth: countryGuide.depth, summary: countryGuide.summary })
		.from(countryGuide)
		.orderBy(asc(countryGuide.depth), asc(countryGuide.countryCode));
}

/** A country guide with its visa routes, arrival rules and the holidays of the coming year. */
export async function getGuide(ctx: ServiceContext, countryCode: string, today: string) {
	const code = countryCode.toUpperCase();
	if (!/^[A-Z]{2}$/.test(code)) throw notFound();
	const [guide] = await ctx.db.select().from(countryGuide).where(eq(countryGuide.countryCode, code));
	if (!guide) throw notFound();
	const [routes, rules, holidays] = await Promise.all([
		ctx.db.select().from(visaRoute).where(and(eq(visaRoute.countryCode, code), isNull(visaRoute.withdrawnAt))).orderBy(asc(visaRoute.sortOrder)),
		ctx.db.select().from(arrivalRule).where(and(eq(arrivalRule.countryCode, code), isNull(arrivalRule.withdrawnAt))).orderBy(asc(arrivalRule.sortOrder)),
		ctx.db
			.select()
			.from(calendarDay)
			.where(and(eq(calendarDay.countryCode, code), gte(calendarDay.date, today), eq(calendarDay.kind, 'holiday'), isNull(calendarDay.withdrawnAt)))
			.orderBy(asc(calendarDay.date))
			.limit(40)
	]);
	return { guide, routes, rules, holidays };
}

/** The country's working calendar between two dates (weekends plus holidays and make-up days). */
export async function loadWorkingCalendar(ctx: ServiceContext, countryCode: string, from: string, to: string): Promise<WorkingCalendar> {
	const days = await ctx.db
		.select({ date: calendarDay.date, kind: calendarDay.kind })
		.from(calendarDay)
		.where(and(eq(calendarDay.countryCode, countryCode), gte(calendarDay.date, from), lte(calendarDay.date, to), isNull(calendarDay.withdrawnAt)));
	return {
		holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
		workingWeekendDays: new Set(days.filter((d) => d.kind === 'working_day').map((d) => d.date)),
		weekend: [0, 6]
	};
}
