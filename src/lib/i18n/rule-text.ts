import { m } from '$lib/paraglide/messages';

/** "Within 3 working days of arrival", in the page language. */
export function ruleDeadlineText(offset: number, unit: string) {
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
