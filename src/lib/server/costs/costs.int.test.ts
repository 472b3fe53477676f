import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/demo.seed';
import { AppError } from '../platform/errors';
import type { RunningPlatform } from '../platform/platform';
import { contextFor } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { planBudget } from './costs.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedDemo(platform);
});
afterAll(async () => platform?.close());

const plan = async (query: Record<string, string>) => planBudget(await contextFor(platform, null), query);

describe('the cost-of-living calculator', () => {
	it('budgets an academic year in an Astana dormitory, in tenge and in yuan', async () => {
		const result = await plan({ city: 'Astana', housing: 'housing_dorm', lifestyle: 'typical', months: '10', currency: 'CNY' });
		expect(result.currency).toBe('KZT');
		expect(result.budget.monthly.find((i) => i.category === 'housing_dorm')?.amount).toBe(30_000);
		expect(result.budget.monthly.some((i) => i.category === 'housing_studio')).toBe(false);
		expect(result.converted?.currency).toBe('CNY');
		expect(result.converted!.monthly).toBeCloseTo((result.budget.monthlyTotal * 0.00175) / 0.127, 2);
		expect(result.converted!.asOf).toBe('2026-11-27');
		expect(result.funds).toBeNull();
	});

	it('compares a budget in Perpignan with France’s proof of funds', async () => {
		const frugal = await plan({ city: 'Perpignan', housing: 'housing_dorm', lifestyle: 'low', months: '5' });
		expect(frugal.funds?.monthlyLocal).toBe(615);
		expect(frugal.funds?.meets).toBe(false);
		const comfortable = await plan({ city: 'Perpignan', housing: 'housing_studio', lifestyle: 'high', months: '5' });
		expect(comfortable.funds?.meets).toBe(true);
	});

	it.each([
		[{ city: 'Atlantis' }, 'city'],
		[{ city: 'Astana', months: '0' }, 'months'],
		[{ city: 'Astana', months: 'ten' }, 'months'],
		[{ city: 'Astana', currency: 'XXX' }, 'currency'],
		[{ city: 'Astana', lifestyle: 'royal' }, 'lifestyle']
	])('explains bad input %o on the field %s', async (query, field) => {
		const error = await plan(query).catch((e) => e);
		expect(error).toBeInstanceOf(AppError);
		expect(Object.keys((error as AppError).fields)).toContain(field);
	});
});
