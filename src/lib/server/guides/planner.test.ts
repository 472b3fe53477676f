import { describe, expect, it } from 'vitest';
import { EMPTY_CALENDAR } from './deadlines';
import { ARRIVAL_RULES, VISA_ROUTES } from './rules.data';
import { buildTimeline, chooseVisaRoute, type PlannerInput, type RouteFacts, type RuleFacts, type TimelineStep } from './planner';

const routes = (country: string): RouteFacts[] =>
	VISA_ROUTES.filter((r) => r.countryCode === country).map((r) => ({
		code: r.code,
		minStayDays: r.minStayDays ?? null,
		maxStayDays: r.maxStayDays ?? null,
		nationalities: r.nationalities ?? null,
		excludedNationalities: r.excludedNationalities ?? [],
		purposes: r.purposes ?? null,
		visaFree: r.visaFree ?? false,
		processingDaysMax: r.processingDaysMax ?? null,
		sortOrder: r.sortOrder
	}));
const rules = (country: string): RuleFacts[] =>
	ARRIVAL_RULES.filter((r) => r.countryCode === country).map((r) => ({
		...r,
		anchor: r.anchor ?? 'arrival',
		purposes: r.purposes ?? null,
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
		{ nationality: 'IN', purpose: 'study', stayDays: 300, arrivalDate: '2026-08-28', arrivalTime: '22:40', housing: 'unknown', ...input },
		routes(country),
		rules(country),
		EMPTY_CALENDAR,
		'2026-06-01'
	);

describe('choosing the visa', () => {
	it('gives China X1 for more than 180 days and X2 for 180 or less', () => {
		expect(chooseVisaRoute(routes('CN'), 'IN', 300, 'study')?.code).toBe('X1');
		expect(chooseVisaRoute(routes('CN'), 'IN', 180, 'study')?.code).toBe('X2');
	});

	it('lets Kyrgyz citizens into Kazakhstan without a visa, and asks others for a C9', () => {
		expect(chooseVisaRoute(routes('KZ'), 'KG', 300, 'study')?.code).toBe('visa_free');
		expect(chooseVisaRoute(routes('KZ'), 'CN', 300, 'study')?.code).toBe('C9');
	});
});

const step = (steps: ReturnType<typeof plan>['steps'], code: string) => steps.find((s) => s.kind === 'rule' && s.code === code);

describe('the visa for the purpose of the stay', () => {
	it('lets a Kazakh researcher into China for 20 days under the visa exemption, with no visa to apply for', () => {
		const { route, steps } = plan('CN', { nationality: 'KZ', purpose: 'research', stayDays: 20, housing: 'off_campus' });
		expect(route).toMatchObject({ code: 'visa_exempt_KZ', visaFree: true });
		expect(steps.some((s) => s.kind === 'visa_start')).toBe(false);
		// Registering the address with the police applies whatever the visa.
		expect(step(steps, 'police_registration')).toBeDefined();
		expect(step(steps, 'residence_permit')).toBeUndefined();
	});

	it('gives a Kazakh researcher staying 60 days in China an F visa, applied for in time', () => {
		const { route, steps } = plan('CN', { nationality: 'KZ', purpose: 'research', stayDays: 60 });
		expect(route?.code).toBe('F');
		expect(steps.find((s) => s.kind === 'visa_start')).toMatchObject({ processingDaysMax: 10 });
		expect(steps.filter((s) => s.kind === 'rule').map((s) => s.code)).toEqual(['police_registration']);
	});

	it('never offers the exemption for study: a Kazakh student gets X2 even for 20 days, and X1 for a year', () => {
		expect(plan('CN', { nationality: 'KZ', purpose: 'study', stayDays: 20 }).route?.code).toBe('X2');
		expect(plan('CN', { nationality: 'KZ', purpose: 'study', stayDays: 365 }).route?.code).toBe('X1');
		// Nor to other nationalities.
		expect(plan('CN', { nationality: 'IN', purpose: 'short_visit', stayDays: 20 }).route?.code).toBe('F');
	});

	it('gives a teacher staying a year in China a Z visa, with the work permit and the residence permit within 30 days', () => {
		const { route, steps } = plan('CN', { nationality: 'ES', purpose: 'teaching', stayDays: 365, arrivalDate: '2026-08-28' });
		expect(route?.code).toBe('Z');
		expect(step(steps, 'work_residence_permit')).toMatchObject({ due: { date: '2026-09-27' }, unverified: false });
		expect(step(steps, 'health_check')?.due).toEqual({ date: '2026-09-27' });
		expect(step(steps, 'work_permit')).toMatchObject({ due: { date: '2026-09-12' }, responsible: 'host' });
		// The students' steps are not theirs.
		expect(step(steps, 'residence_permit')).toBeUndefined();
		expect(step(steps, 'student_insurance')).toBeUndefined();
		// A year exactly: the permit runs out as the stay ends, no renewal.
		expect(steps.some((s) => s.kind === 'rule' && s.ruleCode === 'residence_permit_renewal')).toBe(false);
	});

	it('sends researchers and teachers to Kazakhstan on the research visa, or visa-free for a short visit', () => {
		expect(plan('KZ', { nationality: 'IN', purpose: 'research', stayDays: 300 }).route?.code).toBe('academic');
		expect(plan('KZ', { nationality: 'CN', purpose: 'research', stayDays: 20 }).route?.code).toBe('visa_exempt_CN');
		expect(plan('KZ', { nationality: 'CN', purpose: 'study', stayDays: 20 }).route?.code).toBe('C9');
		expect(plan('KZ', { nationality: 'DE', purpose: 'short_visit', stayDays: 14 }).route?.code).toBe('visa_free_30');
		expect(plan('KZ', { nationality: 'DE', purpose: 'short_visit', stayDays: 60 }).route?.code).toBe('visit');
		expect(plan('KZ', { nationality: 'RU', purpose: 'teaching', stayDays: 300 }).route?.code).toBe('visa_free');
		// A degree student's recognition step is not a researcher's.
		expect(step(plan('KZ', { purpose: 'research' }).steps, 'enic_recognition')).toBeUndefined();
		expect(step(plan('KZ', { purpose: 'study' }).steps, 'enic_recognition')).toBeDefined();
	});
});

describe('yearly steps', () => {
	const renewals = (steps: ReturnType<typeof plan>['steps']) => steps.filter((s): s is Extract<TimelineStep, { kind: 'rule' }> => s.kind === 'rule' && s.ruleCode === 'c9_renewal');

	it('renews a two-year student’s C9 once, 30 days before the first anniversary of arrival', () => {
		const { route, steps } = plan('KZ', { stayDays: 730, arrivalDate: '2026-08-28' });
		expect(route?.code).toBe('C9');
		expect(renewals(steps)).toEqual([expect.objectContaining({ code: 'c9_renewal.1', occurrence: 1, due: { date: '2027-07-29' }, anchor: 'before_anniversary' })]);
	});

	it('renews every year of a four-year stay, and never for a year or less', () => {
		const four = renewals(plan('KZ', { stayDays: 1460, arrivalDate: '2026-08-28' }).steps);
		expect(four.map((s) => [s.code, s.due.date])).toEqual([
			['c9_renewal.1', '2027-07-29'],
			['c9_renewal.2', '2028-07-29'],
			['c9_renewal.3', '2029-07-29']
		]);
		expect(renewals(plan('KZ', { stayDays: 365 }).steps)).toEqual([]);
		expect(renewals(plan('KZ', { stayDays: 300 }).steps)).toEqual([]);
	});

	it('makes a Kazakh timeline with the steps before and after arrival', () => {
		const { steps } = plan('KZ', { stayDays: 730, arrivalDate: '2026-08-28', housing: 'on_campus' });
		expect(steps.map((s) => (s.kind === 'rule' ? s.code : s.kind))).toEqual([
			'visa_start',
			'health_insurance',
			'arrival',
			'migration_notification',
			'medical_certificate',
			'iin',
			'enic_recognition',
			'c9_renewal.1',
			'departure'
		]);
		// Insurance before the flight lands; the dormitory's certificate a week after.
		expect(step(steps, 'health_insurance')?.due).toEqual({ date: '2026-08-28' });
		expect(step(steps, 'medical_certificate')?.due).toEqual({ date: '2026-09-04' });
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
		expect(steps.filter((s) => s.kind === 'rule').map((s) => s.code)).toEqual(['student_insurance']);
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
