import { describe, expect, it } from 'vitest';
import { EMPTY_CALENDAR } from './deadlines';
import { ARRIVAL_RULES, VISA_ROUTES } from './rules.data';
import { buildTimeline, chooseVisaRoute, type PlannerInput, type RouteFacts, type RuleFacts } from './planner';

const routes = (country: string): RouteFacts[] =>
	VISA_ROUTES.filter((r) => r.countryCode === country).map((r) => ({
		code: r.code,
		minStayDays: r.minStayDays ?? null,
		maxStayDays: r.maxStayDays ?? null,
		nationalities: r.nationalities ?? null,
		excludedNationalities: r.excludedNationalities ?? [],
		visaFree: r.visaFree ?? false,
		processingDaysMax: r.processingDaysMax ?? null,
		sortOrder: r.sortOrder
	}));
const rules = (country: string): RuleFacts[] =>
	ARRIVAL_RULES.filter((r) => r.countryCode === country).map((r) => ({
		...r,
		minStayDays: r.minStayDays ?? null,
		maxStayDays: r.maxStayDays ?? null,
		visaRoutes: r.visaRoutes ?? null,
		housing: r.housing ?? null,
		sourceUrl: r.sourceUrl,
		verifiedOn: r.verifiedOn,
		unverified: r.unverified ?? false
	}));

const plan = (country: string, input: Partial<PlannerInput>) =>
	buildTimeline(
		{ nationality: 'IN', stayDays: 300, arrivalDate: '2026-08-28', arrivalTime: '22:40', housing: 'unknown', ...input },
		routes(country),
		rules(country),
		EMPTY_CALENDAR,
		'2026-06-01'
	);

describe('choosing the visa', () => {
	it('gives China X1 for more than 180 days and X2 for 180 or less', () => {
		expect(chooseVisaRoute(routes('CN'), 'IN', 300)?.code).toBe('X1');
		expect(chooseVisaRoute(routes('CN'), 'IN', 180)?.code).toBe('X2');
	});

	it('lets Kyrgyz citizens into Kazakhstan without a visa, and asks others for a C9', () => {
		expect(chooseVisaRoute(routes('KZ'), 'KG', 300)?.code).toBe('visa_free');
		expect(chooseVisaRoute(routes('KZ'), 'CN', 300)?.code).toBe('C9');
	});
});

describe('the arrival timeline', () => {
	it('for a year in Shanghai: police within 24 hours if off campus, health check and residence permit within 30 days', () => {
		const { route, steps } = plan('CN', {});
		expect(route?.code).toBe('X1');
		const byCode = Object.fromEntries(steps.filter((s) => s.kind === 'rule').map((s) => [s.code, s]));
		expect(byCode.police_registration).toMatchObject({ due: { date: '2026-08-29', time: '22:40' }, condition: 'if_off_campus' });
		expect(byCode.residence_permit?.due).toEqual({ date: '2026-09-27' });
		expect(byCode.health_check).toBeDefined();
	});

	it('drops the police step for someone on campus and the permit steps for a short stay', () => {
		const { steps } = plan('CN', { housing: 'on_campus', stayDays: 90 });
		expect(steps.filter((s) => s.kind === 'rule')).toEqual([]);
	});

	it('in Astana: the university notifies the migration service within 3 working days', () => {
		const { steps } = plan('KZ', { arrivalDate: '2026-08-28' });
		const notification = steps.find((s) => s.kind === 'rule' && s.code === 'migration_notification');
		expect(notification?.due).toEqual({ date: '2026-09-02' });
	});

	it('skips the migration notification for a stay of 30 days or less', () => {
		const { steps } = plan('KZ', { stayDays: 30 });
		expect(steps.some((s) => s.kind === 'rule' && s.code === 'migration_notification')).toBe(false);
	});

	it('starts the visa early enough, and says when it is already late', () => {
		const early = plan('KZ', { nationality: 'IN', arrivalDate: '2026-09-01' });
		const visa = early.steps.find((s) => s.kind === 'visa_start');
		expect(visa).toMatchObject({ due: { date: '2026-07-21' }, late: false });
		const late = plan('KZ', { nationality: 'IN', arrivalDate: '2026-06-20' });
		expect(late.steps.find((s) => s.kind === 'visa_start')).toMatchObject({ late: true });
		expect(plan('KZ', { nationality: 'RU' }).steps.some((s) => s.kind === 'visa_start')).toBe(false);
	});

	it('puts the steps in date order and ends with the departure', () => {
		const { steps } = plan('CN', {});
		const dates = steps.map((s) => s.due.date + (s.due.time ?? ''));
		expect(dates).toEqual([...dates].sort());
		expect(steps.at(-1)).toEqual({ kind: 'departure', due: { date: '2027-06-24' } });
	});
});
