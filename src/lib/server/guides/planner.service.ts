import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isCountryCode } from '$lib/i18n/countries';
import { STAY_PURPOSES } from '$lib/welcome/stay-purpose';
import { institutionDirectory } from '../institutions/institutions.views';
import { invalidInput } from '../platform/errors';
import type { ServiceContext } from '../platform/context';
import { oneOfParam } from '../platform/query-params';
import { parseInput } from '../platform/validation';
import { addCalendarDays, isValidIsoDate } from './deadlines';
import { getGuide, loadWorkingCalendar } from './guides.service';
import { buildTimeline } from './planner';

/** The lengths of stay the form offers, in days (any whole number of days is accepted). */
export const STAY_OPTIONS = [14, 30, 90, 150, 180, 300, 365, 730, 1460] as const;

export const plannerSchema = z.object({
	institution: z.string().trim().min(1, 'error_choose_one'),
	nationality: z.string().trim().toUpperCase().refine(isCountryCode, 'error_choose_one'),
	stay: z.coerce.number('error_stay_invalid').int('error_stay_invalid').min(1, 'error_stay_invalid').max(3650, 'error_stay_invalid'),
	arrival: z
		.string()
		.trim()
		.refine((v) => isValidIsoDate(v) && v >= '2000-01-01' && v <= '2100-12-31', 'error_date_invalid'),
	time: z
		.string()
		.trim()
		.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'error_time_invalid')
		.optional()
		.or(z.literal('').transform(() => undefined)),
	housing: z.enum(['on_campus', 'off_campus', 'unknown'], 'error_choose_one').default('unknown'),
	/** The planner began with students: without a (valid) purpose, the stay is for study. */
	purpose: z
		.unknown()
		.optional()
		.transform((v) => oneOfParam(typeof v === 'string' ? v : undefined, STAY_PURPOSES) ?? 'study')
});
export type PlannerQuery = z.output<typeof plannerSchema>;

/** One formatter per time zone: building one costs more than the rest of a page's dates. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date where the person is going (deadlines are local). */
export function todayIn(timeZone: string, now = new Date()) {
	let format = dayFormats.get(timeZone);
	if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
	return format.format(now);
}

export async function planArrival(ctx: ServiceContext, query: Record<string, string>) {
	const input = parseInput(plannerSchema, query);
	const [inst] = await ctx.db.select(PLANNED_INSTITUTION).from(institutionDirectory).where(eq(institutionDirectory.slug, input.institution));
	if (!inst) throw invalidInput({ institution: 'error_choose_one' });
	return planArrivalAt(ctx, input, inst);
}

/** What the planner shows of the destination, read by its address or (a person's own plan) by id. */
const PLANNED_INSTITUTION = {
	id: institutionDirectory.id,
	slug: institutionDirectory.slug,
	shortName: institutionDirectory.shortName,
	name: institutionDirectory.name,
	city: institutionDirectory.city,
	countryCode: institutionDirectory.countryCode,
	defaultLocale: institutionDirectory.defaultLocale
};
export async function plannedInstitutionById(ctx: ServiceContext, id: string) {
	const [inst] = await ctx.db.select(PLANNED_INSTITUTION).from(institutionDirectory).where(eq(institutionDirectory.id, id));
	return inst ?? null;
}
export type PlannedInstitution = NonNullable<Awaited<ReturnType<typeof plannedInstitutionById>>>;

/** The plan for a destination already read: the country's guide and its working calendar together. */
export async function planArrivalAt(ctx: ServiceContext, input: PlannerQuery, inst: PlannedInstitution) {
	const [{ guide, routes, rules }, calendar] = await Promise.all([
		getGuide(ctx, inst.countryCode, null).catch(() => ({ guide: null, routes: [], rules: [] })),
		loadWorkingCalendar(ctx, inst.countryCode, addCalendarDays(input.arrival, -120), addCalendarDays(input.arrival, input.stay + 60))
	]);
	const today = todayIn(guide?.timeZone ?? 'UTC');
	const timeline = buildTimeline(
		{ nationality: input.nationality, purpose: input.purpose, stayDays: input.stay, arrivalDate: input.arrival, arrivalTime: input.time, housing: input.housing },
		routes,
		rules,
		calendar,
		today
	);
	// With routes but none chosen, none fits this purpose, nationality and length of stay.
	return { input, institution: inst, guide, ...timeline, route: routes.find((r) => r.code === timeline.route?.code) ?? null, hasRoutes: routes.length > 0 };
}
