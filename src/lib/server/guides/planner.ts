import type { LocalizedText } from '$lib/i18n/localized-text';
import { addCalendarDays, addWorkingDays, applyOffset, type DeadlineUnit, type LocalMoment, type WorkingCalendar } from './deadlines';

/**
 * The visa and arrival planner: from a person's nationality, length of stay, arrival date and
 * housing, and a country's visa routes and arrival rules, a dated personal timeline.
 * Pure: the service loads the data and the working calendar.
 */
export type Housing = 'on_campus' | 'off_campus' | 'unknown';

export interface PlannerInput {
	nationality: string;
	stayDays: number;
	arrivalDate: string;
	arrivalTime?: string;
	housing: Housing;
}

export interface RouteFacts {
	code: string;
	minStayDays: number | null;
	maxStayDays: number | null;
	nationalities: string[] | null;
	excludedNationalities: string[];
	visaFree: boolean;
	processingDaysMax: number | null;
	sortOrder: number;
}

export interface RuleFacts {
	code: string;
	title: LocalizedText;
	description: LocalizedText;
	offset: number;
	unit: string;
	responsible: string;
	minStayDays: number | null;
	maxStayDays: number | null;
	visaRoutes: string[] | null;
	housing: string | null;
	sourceUrl: string | null;
	verifiedOn: string | null;
	unverified: boolean;
}

/** Calendar days to allow, on top of processing time, to gather documents and travel. */
export const VISA_BUFFER_DAYS = 21;

export function chooseVisaRoute<R extends RouteFacts>(routes: R[], nationality: string, stayDays: number): R | null {
	const fits = routes.filter(
		(r) =>
			(r.minStayDays === null || stayDays >= r.minStayDays) &&
			(r.maxStayDays === null || stayDays <= r.maxStayDays) &&
			(r.nationalities === null || r.nationalities.includes(nationality)) &&
			!r.excludedNationalities.includes(nationality)
	);
	return fits.sort((a, b) => a.sortOrder - b.sortOrder)[0] ?? null;
}

/** Whether a rule applies: yes, no, or only if the person lives off campus (housing unknown). */
export function ruleApplies(rule: RuleFacts, input: PlannerInput, routeCode: string | null): 'yes' | 'no' | 'if_off_campus' | 'if_on_campus' {
	if (rule.minStayDays !== null && input.stayDays < rule.minStayDays) return 'no';
	if (rule.maxStayDays !== null && input.stayDays > rule.maxStayDays) return 'no';
	if (rule.visaRoutes && (!routeCode || !rule.visaRoutes.includes(routeCode))) return 'no';
	if (rule.housing) {
		if (input.housing === 'unknown') return rule.housing === 'off_campus' ? 'if_off_campus' : 'if_on_campus';
		if (rule.housing !== input.housing) return 'no';
	}
	return 'yes';
}

export type TimelineStep =
	| { kind: 'visa_start'; due: LocalMoment; processingDaysMax: number | null; late: boolean }
	| { kind: 'arrival'; due: LocalMoment }
	| {
			kind: 'rule';
			due: LocalMoment;
			code: string;
			title: LocalizedText;
			description: LocalizedText;
			offset: number;
			unit: DeadlineUnit;
			responsible: string;
			condition: 'if_off_campus' | 'if_on_campus' | null;
			sourceUrl: string | null;
			verifiedOn: string | null;
			unverified: boolean;
	  }
	| { kind: 'departure'; due: LocalMoment };

export function buildTimeline<R extends RouteFacts>(
	input: PlannerInput,
	routes: R[],
	rules: RuleFacts[],
	calendar: WorkingCalendar,
	today: string
) {
	const route = chooseVisaRoute(routes, input.nationality, input.stayDays);
	const arrival: LocalMoment = { date: input.arrivalDate, ...(input.arrivalTime ? { time: input.arrivalTime } : {}) };
	const steps: TimelineStep[] = [];

	if (route && !route.visaFree) {
		const processing = route.processingDaysMax ?? 15;
		const start = addCalendarDays(addWorkingDays(input.arrivalDate, -processing, calendar), -VISA_BUFFER_DAYS);
		steps.push({ kind: 'visa_start', due: { date: start }, processingDaysMax: route.processingDaysMax, late: start < today });
	}
	steps.push({ kind: 'arrival', due: arrival });
	for (const rule of rules) {
		const applies = ruleApplies(rule, input, route?.code ?? null);
		if (applies === 'no') continue;
		const unit = rule.unit as DeadlineUnit;
		steps.push({
			kind: 'rule',
			due: applyOffset(arrival, rule.offset, unit, calendar),
			code: rule.code,
			title: rule.title,
			description: rule.description,
			offset: rule.offset,
			unit,
			responsible: rule.responsible,
			condition: applies === 'yes' ? null : applies,
			sourceUrl: rule.sourceUrl,
			verifiedOn: rule.verifiedOn,
			unverified: rule.unverified
		});
	}
	steps.push({ kind: 'departure', due: { date: addCalendarDays(input.arrivalDate, input.stayDays) } });
	steps.sort((a, b) => (a.due.date + (a.due.time ?? '')).localeCompare(b.due.date + (b.due.time ?? '')));
	return { route, steps, arrivalInPast: input.arrivalDate < today };
}
