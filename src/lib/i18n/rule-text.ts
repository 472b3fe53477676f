import { stayPurposeLabel } from '$lib/i18n/welcome-labels';
import { m } from '$lib/paraglide/messages';

/**
 * "Within 3 working days of arrival", "7 days before arrival", "30 days before each year of the
 * stay ends", in the page language: the offset from the rule's anchor (planner.ts RULE_ANCHORS).
 */
export function ruleDeadlineText(offset: number, unit: string, anchor = 'arrival') {
	if (anchor === 'before_arrival') {
		if (offset === 0) return m.rule_before_arrival();
		return unit === 'hours' ? m.rule_before_arrival_hours({ n: offset }) : unit === 'working_days' ? m.rule_before_arrival_working_days({ n: offset }) : m.rule_before_arrival_days({ n: offset });
	}
	if (anchor === 'before_anniversary') {
		return unit === 'hours' ? m.rule_before_each_year_hours({ n: offset }) : unit === 'working_days' ? m.rule_before_each_year_working_days({ n: offset }) : m.rule_before_each_year_days({ n: offset });
	}
	switch (unit) {
		case 'hours':
			return m.rule_within_hours({ n: offset });
		case 'working_days':
			return m.rule_within_working_days({ n: offset });
		default:
			return m.rule_within_days({ n: offset });
	}
}

export function stayRangeText(min: number | null, max: number | null) {
	if (min === null && max === null) return m.stay_any();
	if (min === null) return m.stay_up_to({ days: max! });
	if (max === null) return m.stay_from({ days: min });
	return m.stay_between({ min, max });
}

/** The purposes a route or step is for ("Research, Teaching"), or "Any purpose" when it has none. */
export function purposesText(purposes: string[] | null) {
	return purposes?.length ? purposes.map(stayPurposeLabel).join(', ') : m.guide_purpose_any();
}
