import { m } from '$lib/paraglide/messages';

/** Labels of cost categories and payment periods, shared by the calculator, profiles and the workspace. */
export function costCategoryLabel(code: string) {
	return (
		{
			housing_dorm: m.housing_dorm(),
			housing_shared: m.housing_shared(),
			housing_studio: m.housing_studio(),
			food: m.cost_food(),
			transport: m.cost_transport(),
			phone: m.cost_phone(),
			insurance: m.cost_insurance(),
			visa_permits: m.cost_visa_permits(),
			study_materials: m.cost_study_materials(),
			leisure: m.cost_leisure()
		}[code] ?? code
	);
}

export function costPeriodLabel(code: string) {
	return ({ month: m.period_month(), year: m.period_year(), once: m.period_once() })[code] ?? code;
}
