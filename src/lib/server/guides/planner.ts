import type { LocalizedText } from '$lib/i18n/localized-text';
import type { StayPurpose } from '$lib/welcome/stay-purpose';
import { addCalendarDays, addWorkingDays, addYears, applyOffset, type DeadlineUnit, type LocalMoment, type WorkingCalendar } from './deadlines';

/**
 * The visa and arrival planner: from a person's nationality, purpose and length of stay, arrival
 * date and housing, and a country's visa routes and arrival rules, a dated personal timeline.
 * Pure: the service loads the data and the working calendar.
 */
export type Housing = 'on_campus' | 'off_campus' | 'unknown';

export interface PlannerInput {
	nationality: string;
	/** What the stay is for: routes and rules with `purposes` apply to those purposes only. */
	purpose: StayPurpose;
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
	/** null: any purpose. */
	purposes: string[] | null;
	visaFree: boolean;
	processingDaysMax: number | null;
	sortOrder: number;
}

/**
 * What a rule's offset counts from: after the arrival, before it, or before each anniversary of
 * the arrival that falls within the stay (a yearly step such as a visa renewal: one dated step per
 * year, none for a stay of a year or less).
 */
export const RULE_ANCHORS = ['arrival', 'before_arrival', 'before_anniversary'] as const;
export type RuleAnchor = (typeof RULE_ANCHORS)[number];

export interface RuleFacts {
	code: string;
	title: LocalizedText;
	description: LocalizedText;
	/** RULE_ANCHORS; anything else counts as 'arrival'. */
	anchor: string;
	offset: number;
	unit: string;
	responsible: string;
	minStayDays: number | null;
	maxStayDays: number | null;
	visaRoutes: string[] | null;
	/** null: any purpose. */
	purposes: string[] | null;
	housing: string | null;
	sourceUrl: string | null;
	verifiedOn: string | null;
	unverified: boolean;
}

/** Calendar days to allow, on top of processing time, to gather documents and travel. */
export const VISA_BUFFER_DAYS = 21;

const forPurpose = (purposes: string[] | null, purpose: string) => purposes === null || purposes.length === 0 || purposes.includes(purpose);

/** The first route (by sort order) for this nationality, length and purpose of stay. */
export function chooseVisaRoute<R extends RouteFacts>(routes: R[], nationality: string, stayDays: number, purpose: StayPurpose): R | null {
	const fits = routes.filter(
		(r) =>
			(r.minStayDays === null || stayDays >= r.minStayDays) &&
			(r.maxStayDays === null || stayDays <= r.maxStayDays) &&
			(r.nationalities === null || r.nationalities.includes(nationality)) &&
			!r.excludedNationalities.includes(nationality) &&
			forPurpose(r.purposes, purpose)
	);
	return fits.sort((a, b) => a.sortOrder - b.sortOrder)[0] ?? null;
}

/** Whether a rule applies: yes, no, or only if the person lives off campus (housing unknown). */
export function ruleApplies(rule: RuleFacts, input: PlannerInput, routeCode: string | null): 'yes' | 'no' | 'if_off_campus' | 'if_on_campus' {
	if (rule.minStayDays !== null && input.stayDays < rule.minStayDays) return 'no';
	if (rule.maxStayDays !== null && input.stayDays > rule.maxStayDays) return 'no';
	if (rule.visaRoutes && (!routeCode || !rule.visaRoutes.includes(routeCode))) return 'no';
	if (!forPurpose(rule.purposes, input.purpose)) return 'no';
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
			/** The rule's code; for a yearly step, with the year after a dot (c9_renewal.1), so each year is ticked off on its own. */
			code: string;
			ruleCode: string;
			/** Yearly steps: which year of the stay (1, 2, …); otherwise null. */
			occurrence: number | null;
			title: LocalizedText;
			description: LocalizedText;
			anchor: RuleAnchor;
			offset: number;
			unit: DeadlineUnit;
			responsible: string;
			condition: 'if_off_campus' | 'if_on_campus' | null;
			sourceUrl: string | null;
			verifiedOn: string | null;
			unverified: boolean;
	  }
	| { kind: 'departure'; due: LocalMoment };

const anchorOf = (rule: RuleFacts): RuleAnchor => ((RULE_ANCHORS as readonly string[]).includes(rule.anchor) ? (rule.anchor as RuleAnchor) : 'arrival');

/**
 * When a rule is due: once, after or before the arrival; or, for a yearly rule, before each
 * anniversary of the arrival that comes before the departure (a two-year stay has one: the
 * second anniversary is the day the stay ends).
 */
export function ruleDueDates(rule: RuleFacts, arrival: LocalMoment, stayDays: number, calendar: WorkingCalendar): { due: LocalMoment; occurrence: number | null }[] {
	const unit = rule.unit as DeadlineUnit;
	switch (anchorOf(rule)) {
		case 'before_arrival':
			return [{ due: applyOffset(arrival, -rule.offset, unit, calendar), occurrence: null }];
		case 'before_anniversary': {
			const departure = addCalendarDays(arrival.date, stayDays);
			const dates = [];
			for (let year = 1; addYears(arrival.date, year) < departure; year++) {
				dates.push({ due: applyOffset({ date: addYears(arrival.date, year) }, -rule.offset, unit, calendar), occurrence: year });
			}
			return dates;
		}
		default:
			return [{ due: applyOffset(arrival, rule.offset, unit, calendar), occurrence: null }];
	}
}

export function buildTimeline<R extends RouteFacts>(
	input: PlannerInput,
	routes: R[],
	rules: RuleFacts[],
	calendar: WorkingCalendar,
	today: string
) {
	const route = chooseVisaRoute(routes, input.nationality, input.stayDays, input.purpose);
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
		for (const { due, occurrence } of ruleDueDates(rule, arrival, input.stayDays, calendar)) {
			steps.push({
				kind: 'rule',
				due,
				code: occurrence === null ? rule.code : `${rule.code}.${occurrence}`,
				ruleCode: rule.code,
				occurrence,
				title: rule.title,
				description: rule.description,
				anchor: anchorOf(rule),
				offset: rule.offset,
				unit: rule.unit as DeadlineUnit,
				responsible: rule.responsible,
				condition: applies === 'yes' ? null : applies,
				sourceUrl: rule.sourceUrl,
				verifiedOn: rule.verifiedOn,
				unverified: rule.unverified
			});
		}
	}
	steps.push({ kind: 'departure', due: { date: addCalendarDays(input.arrivalDate, input.stayDays) } });
	steps.sort((a, b) => (a.due.date + (a.due.time ?? '')).localeCompare(b.due.date + (b.due.time ?? '')));
	return { route, steps, arrivalInPast: input.arrivalDate < today };
}
