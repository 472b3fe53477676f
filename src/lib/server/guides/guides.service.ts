import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import { auditedEntityIds } from '../audit/audit.service';
import { notFound } from '../platform/errors';
import type { Platform, ServiceContext } from '../platform/context';
import type { WorkingCalendar } from './deadlines';
import { CALENDAR_DAYS } from './calendar.data';
import { GUIDES } from './guides.data';
import { ARRIVAL_RULES, VISA_ROUTES, type ArrivalRuleSeed, type VisaRouteSeed } from './rules.data';
import { arrivalRule, calendarDay, countryGuide, visaRoute } from './guides.tables';

export type CountryGuide = typeof countryGuide.$inferSelect;
export type VisaRoute = typeof visaRoute.$inferSelect;
export type ArrivalRule = typeof arrivalRule.$inferSelect;

/** A seeded route or rule with every column the seed decides, absent ones as their default. */
const routeRow = (r: VisaRouteSeed) => ({
	...r,
	minStayDays: r.minStayDays ?? null,
	maxStayDays: r.maxStayDays ?? null,
	nationalities: r.nationalities ?? null,
	excludedNationalities: r.excludedNationalities ?? [],
	purposes: r.purposes ?? null,
	visaFree: r.visaFree ?? false,
	feeAmount: r.feeAmount ?? null,
	feeCurrency: r.feeCurrency ?? null,
	processingDaysMin: r.processingDaysMin ?? null,
	processingDaysMax: r.processingDaysMax ?? null,
	unverified: r.unverified ?? false
});
const ruleRow = (r: ArrivalRuleSeed) => ({
	...r,
	anchor: r.anchor ?? 'arrival',
	minStayDays: r.minStayDays ?? null,
	maxStayDays: r.maxStayDays ?? null,
	visaRoutes: r.visaRoutes ?? null,
	purposes: r.purposes ?? null,
	housing: r.housing ?? null,
	unverified: r.unverified ?? false
});

/**
 * Reference data (country facts): loaded on every start, adding what is missing. A seeded visa
 * route or arrival step that no country editor has created, saved or withdrawn (no audit trail,
 * still at version 1) follows the seed data, so corrections (e.g. the purposes of stay) reach
 * running installations; once an editor has touched it, seeding leaves it alone.
 */
export async function seedGuides(platform: Platform) {
	await platform.db.transaction(async (tx) => {
		await tx.insert(countryGuide).values(GUIDES).onConflictDoNothing();
		await tx.insert(visaRoute).values(VISA_ROUTES.map(routeRow)).onConflictDoNothing();
		await tx.insert(arrivalRule).values(ARRIVAL_RULES.map(ruleRow)).onConflictDoNothing();
		await tx.insert(calendarDay).values(CALENDAR_DAYS).onConflictDoNothing();

		const untouched = async (t: typeof visaRoute | typeof arrivalRule, entityType: string) => {
			const rows = await tx.select({ id: t.id, countryCode: t.countryCode, code: t.code }).from(t).where(and(eq(t.version, 1), isNull(t.withdrawnAt)));
			const edited = await auditedEntityIds({ db: tx }, entityType, rows.map((r) => r.id));
			return new Map(rows.filter((r) => !edited.has(r.id)).map((r) => [`${r.countryCode}:${r.code}`, r.id]));
		};
		const routes = await untouched(visaRoute, 'visa_route');
		for (const row of VISA_ROUTES.map(routeRow)) {
			const id = routes.get(`${row.countryCode}:${row.code}`);
			if (id) await tx.update(visaRoute).set(row).where(and(eq(visaRoute.id, id), eq(visaRoute.version, 1)));
		}
		const rules = await untouched(arrivalRule, 'arrival_rule');
		for (const row of ARRIVAL_RULES.map(ruleRow)) {
			const id = rules.get(`${row.countryCode}:${row.code}`);
			if (id) await tx.update(arrivalRule).set(row).where(and(eq(arrivalRule.id, id), eq(arrivalRule.version, 1)));
		}
	});
}

export async function listGuides(ctx: ServiceContext) {
	return ctx.db
		.select({ countryCode: countryGuide.countryCode, depth: countryGuide.depth, summary: countryGuide.summary })
		.from(countryGuide)
		.orderBy(asc(countryGuide.depth), asc(countryGuide.countryCode));
}

/** A country guide with its visa routes, arrival rules and the holidays of the coming year. */
/**
 * A country's guide with its visa routes and arrival rules, and its holidays from `today` on
 * (none asked for with `today` null: the planner reads a calendar of its own). The reads run
 * together; an unknown country is known only once they are back.
 */
export async function getGuide(ctx: ServiceContext, countryCode: string, today: string | null) {
	const code = countryCode.toUpperCase();
	if (!/^[A-Z]{2}$/.test(code)) throw notFound();
	const [[guide], routes, rules, holidays] = await Promise.all([
		ctx.db.select().from(countryGuide).where(eq(countryGuide.countryCode, code)),
		ctx.db.select().from(visaRoute).where(and(eq(visaRoute.countryCode, code), isNull(visaRoute.withdrawnAt))).orderBy(asc(visaRoute.sortOrder)),
		ctx.db.select().from(arrivalRule).where(and(eq(arrivalRule.countryCode, code), isNull(arrivalRule.withdrawnAt))).orderBy(asc(arrivalRule.sortOrder)),
		today === null
			? []
			: ctx.db
					.select()
					.from(calendarDay)
					.where(and(eq(calendarDay.countryCode, code), gte(calendarDay.date, today), eq(calendarDay.kind, 'holiday'), isNull(calendarDay.withdrawnAt)))
					.orderBy(asc(calendarDay.date))
					.limit(40)
	]);
	if (!guide) throw notFound();
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
