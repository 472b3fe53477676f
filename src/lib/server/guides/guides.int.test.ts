import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/demo.seed';
import type { RunningPlatform } from '../boot/platform';
import { contextFor } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { failure } from '../testing/assertions';
import { getGuide, seedGuides } from './guides.service';
import { planArrival } from './planner.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
	await seedGuides(platform); // a second start adds nothing and fails on nothing
	await seedDemo(platform);
});
afterAll(async () => platform?.close());


const query = (overrides: Record<string, string> = {}) => ({
	institution: 'enu',
	nationality: 'IN',
	stay: '300',
	arrival: '2026-03-20',
	time: '',
	housing: 'unknown',
	...overrides
});

describe('country guides', () => {
	it('has Kazakhstan in depth, with its visa routes, arrival rules and holidays', async () => {
		const { guide, routes, rules, holidays } = await getGuide(await contextFor(platform, null), 'kz', '2026-01-01');
		expect(guide.depth).toBe('full');
		expect(routes.map((r) => r.code)).toEqual(['visa_free', 'C9', 'visa_exempt_CN', 'visa_free_30', 'academic', 'visit']);
		// Every route says which purposes of stay it is for, or none (any), and where the fact comes from.
		expect(routes.find((r) => r.code === 'C9')?.purposes).toEqual(['study']);
		expect(routes.find((r) => r.code === 'visa_free')?.purposes).toBeNull();
		expect(routes.every((r) => r.sourceUrl && r.verifiedOn)).toBe(true);
		expect(rules.find((r) => r.code === 'c9_renewal')).toMatchObject({ anchor: 'before_anniversary', offset: 30, visaRoutes: ['C9'], purposes: ['study'] });
		expect(rules.find((r) => r.code === 'migration_notification')).toMatchObject({ offset: 3, unit: 'working_days', responsible: 'host' });
		expect(holidays.some((h) => h.date === '2026-03-22')).toBe(true);
		expect(guide.summary.zh).toBeTruthy();
	});

	it('answers not found for a country without a guide or a malformed code', async () => {
		const ctx = await contextFor(platform, null);
		expect((await failure(getGuide(ctx, 'US', '2026-01-01'))).status).toBe(404);
		expect((await failure(getGuide(ctx, '../etc', '2026-01-01'))).status).toBe(404);
	});
});

describe('the arrival planner with real calendars', () => {
	it('counts Kazakhstan’s working days around Nauryz', async () => {
		const plan = await planArrival(await contextFor(platform, null), query());
		const step = plan.steps.find((s) => s.kind === 'rule' && s.code === 'migration_notification');
		expect(step?.due.date).toBe('2026-03-26');
		expect(plan.route?.code).toBe('C9');
	});

	it('plans Tongji with an X1 visa and the 24-hour police registration off campus', async () => {
		const plan = await planArrival(await contextFor(platform, null), query({ institution: 'tongji', housing: 'off_campus', arrival: '2026-09-01', time: '23:30' }));
		expect(plan.route?.code).toBe('X1');
		expect(plan.steps.find((s) => s.kind === 'rule' && s.code === 'police_registration')?.due).toEqual({ date: '2026-09-02', time: '23:30' });
	});

	it('plans by the purpose of the stay, and takes a purpose the form does not offer as study', async () => {
		const ctx = await contextFor(platform, null);
		expect((await planArrival(ctx, query({ purpose: 'teaching' }))).route?.code).toBe('academic');
		for (const purpose of ['tourism', 'STUDY', '', 'research,teaching', '__proto__']) {
			const plan = await planArrival(ctx, query({ purpose }));
			expect(plan.input.purpose, purpose).toBe('study');
			expect(plan.route?.code).toBe('C9');
		}
		// A Kazakh researcher's 20 days at Tongji: visa-free, so no visa to start.
		const visit = await planArrival(ctx, query({ institution: 'tongji', nationality: 'KZ', purpose: 'research', stay: '20', arrival: '2026-09-01' }));
		expect(visit.route?.code).toBe('visa_exempt_KZ');
		expect(visit.steps.some((s) => s.kind === 'visa_start')).toBe(false);
		// No route for a six-month short visit to China: the page says none fits.
		const none = await planArrival(ctx, query({ institution: 'tongji', purpose: 'short_visit', stay: '200' }));
		expect(none).toMatchObject({ route: null, hasRoutes: true });
	});

	it.each([
		[{ arrival: '2026-02-30' }, 'arrival', 'error_date_invalid'],
		[{ arrival: 'next week' }, 'arrival', 'error_date_invalid'],
		[{ time: '25:00' }, 'time', 'error_time_invalid'],
		[{ stay: '-5' }, 'stay', 'error_stay_invalid'],
		[{ stay: 'forever' }, 'stay', 'error_stay_invalid'],
		[{ nationality: 'XX' }, 'nationality', 'error_choose_one'],
		[{ institution: 'no-such-university' }, 'institution', 'error_choose_one'],
		[{ housing: 'tent' }, 'housing', 'error_choose_one']
	])('explains bad input %o on the field %s', async (change, field, key) => {
		const error = await failure(planArrival(await contextFor(platform, null), query(change)));
		expect(error.fields[field]).toBe(key);
	});
});
