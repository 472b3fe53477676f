import type { ContentForm } from '$lib/content-kinds';
import type { MessageKey } from '$lib/i18n/messages';
import { STAY_PURPOSES } from '$lib/welcome/stay-purpose';

/** The forms country editors use for visa routes and arrival steps (rendered by ContentFields). */
type FactForm = Pick<ContentForm, 'plain' | 'translated'>;

const provenance: FactForm['plain'] = [
	{ name: 'sortOrder', label: 'field_position', type: 'number' },
	{ name: 'sourceUrl', label: 'field_source_url', type: 'url' },
	{ name: 'verifiedOn', label: 'field_verified_on', type: 'date' },
	{ name: 'unverified', label: 'field_unverified', type: 'checkbox' }
];

/** None ticked: the route or step is for any purpose of stay. */
const purposes: FactForm['plain'][number] = {
	name: 'purposes',
	label: 'rules_field_purposes',
	type: 'checkboxes',
	help: 'rules_field_purposes_help',
	options: STAY_PURPOSES.map((p) => ({ value: p, label: `stay_purpose_${p}` as MessageKey }))
};

export const VISA_ROUTE_FORM: FactForm = {
	plain: [
		{ name: 'code', label: 'field_rule_code', type: 'text', help: 'field_rule_code_help' },
		{ name: 'visaFree', label: 'field_visa_free', type: 'checkbox' },
		purposes,
		{ name: 'nationalities', label: 'field_eligible_nationalities', type: 'text', help: 'field_eligible_nationalities_help' },
		{ name: 'excludedNationalities', label: 'field_excluded_nationalities', type: 'text', help: 'field_excluded_nationalities_help' },
		{ name: 'minStayDays', label: 'field_min_stay', type: 'number', help: 'field_stay_help' },
		{ name: 'maxStayDays', label: 'field_max_stay', type: 'number', help: 'field_stay_help' },
		{ name: 'feeAmount', label: 'field_fee_amount', type: 'number' },
		{ name: 'feeCurrency', label: 'field_fee_currency', type: 'text', help: 'field_stipend_currency_help' },
		{ name: 'processingDaysMin', label: 'field_processing_min', type: 'number' },
		{ name: 'processingDaysMax', label: 'field_processing_max', type: 'number' },
		...provenance
	],
	translated: [
		{ name: 'name', label: 'field_route_name', type: 'text' },
		{ name: 'description', label: 'field_description', type: 'textarea', rows: 4 },
		{ name: 'documents', label: 'field_documents', type: 'textarea', rows: 6, help: 'field_documents_help' }
	]
};

export const ARRIVAL_RULE_FORM: FactForm = {
	plain: [
		{ name: 'code', label: 'field_rule_code', type: 'text', help: 'field_rule_code_help' },
		{
			name: 'anchor',
			label: 'rules_field_anchor',
			type: 'select',
			options: [
				{ value: 'arrival', label: 'rules_anchor_arrival' },
				{ value: 'before_arrival', label: 'rules_anchor_before_arrival' },
				{ value: 'before_anniversary', label: 'rules_anchor_before_anniversary' }
			]
		},
		{ name: 'offset', label: 'field_offset', type: 'number' },
		{
			name: 'unit',
			label: 'field_unit',
			type: 'select',
			options: [
				{ value: 'hours', label: 'unit_hours' },
				{ value: 'calendar_days', label: 'unit_calendar_days' },
				{ value: 'working_days', label: 'unit_working_days' }
			]
		},
		{
			name: 'responsible',
			label: 'field_responsible',
			type: 'select',
			options: [
				{ value: 'self', label: 'responsible_self' },
				{ value: 'host', label: 'responsible_host' }
			]
		},
		{ name: 'visaRoutes', label: 'field_only_visa_routes', type: 'text', help: 'field_only_visa_routes_help' },
		purposes,
		{
			name: 'housing',
			label: 'field_only_housing',
			type: 'select',
			options: [
				{ value: 'on_campus', label: 'housing_on_campus' },
				{ value: 'off_campus', label: 'housing_off_campus' }
			]
		},
		{ name: 'minStayDays', label: 'field_min_stay', type: 'number', help: 'field_stay_help' },
		{ name: 'maxStayDays', label: 'field_max_stay', type: 'number', help: 'field_stay_help' },
		...provenance
	],
	translated: [
		{ name: 'title', label: 'field_step_title', type: 'text' },
		{ name: 'description', label: 'field_description', type: 'textarea', rows: 4 }
	]
};
