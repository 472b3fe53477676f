import { describe, expect, it } from 'vitest';
import { calculateBudget, convert } from './budget';

const astana = [
	{ category: 'housing_dorm', period: 'month', low: 20_000, typical: 30_000, high: 45_000 },
	{ category: 'housing_studio', period: 'month', low: 150_000, typical: 220_000, high: 320_000 },
	{ category: 'food', period: 'month', low: 60_000, typical: 90_000, high: 140_000 },
	{ category: 'insurance', period: 'year', low: 25_000, typical: 40_000, high: 80_000 },
	{ category: 'visa_permits', period: 'once', low: 10_000, typical: 20_000, high: 40_000 }
];

describe('a budget', () => {
	it('counts only the chosen housing, every month, with yearly and one-off costs on top', () => {
		const budget = calculateBudget(astana, { lifestyle: 'typical', housing: 'housing_dorm', months: 10 });
		expect(budget.monthly).toEqual([
			{ category: 'housing_dorm', amount: 30_000 },
			{ category: 'food', amount: 90_000 }
		]);
		expect(budget.monthlyTotal).toBe(120_000);
		expect(budget.stayTotal).toBe(120_000 * 10 + 40_000 + 20_000);
	});

	it('charges yearly items once per started year', () => {
		const budget = calculateBudget(astana, { lifestyle: 'low', housing: 'housing_studio', months: 18 });
		expect(budget.other.find((o) => o.category === 'insurance')).toEqual({ category: 'insurance', period: 'year', amount: 25_000, times: 2 });
		expect(budget.stayTotal).toBe(210_000 * 18 + 25_000 * 2 + 10_000);
	});

	it('converts through euro rates', () => {
		expect(convert(100_000, 0.00175, 0.127)).toBeCloseTo(1377.95, 1); // KZT → CNY
		expect(convert(615, 1, 1)).toBe(615);
	});
});
