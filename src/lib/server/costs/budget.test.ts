import { describe, expect, it } from 'vitest';
import { calculateBudget, compareFunds, convert, roundMoney, tuitionForStay } from './budget';

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
			{ category: 'housing_dorm', amount: 30_000, covered: false },
			{ category: 'food', amount: 90_000, covered: false }
		]);
		expect(budget.monthlyTotal).toBe(120_000);
		expect(budget.stayTotal).toBe(120_000 * 10 + 40_000 + 20_000);
	});

	it('charges yearly items once per started year', () => {
		const budget = calculateBudget(astana, { lifestyle: 'low', housing: 'housing_studio', months: 18 });
		expect(budget.other.find((o) => o.category === 'insurance')).toEqual({ category: 'insurance', period: 'year', amount: 25_000, times: 2, covered: false });
		expect(budget.stayTotal).toBe(210_000 * 18 + 25_000 * 2 + 10_000);
	});

	it('converts through euro rates', () => {
		expect(convert(100_000, 0.00175, 0.127)).toBeCloseTo(1377.95, 1); // KZT → CNY
		expect(convert(615, 1, 1)).toBe(615);
	});

	it('leaves out what a scholarship pays (housing of any kind, insurance) but still lists it', () => {
		const budget = calculateBudget(astana, { lifestyle: 'typical', housing: 'housing_dorm', months: 10, covered: ['housing', 'insurance'] });
		expect(budget.monthly[0]).toEqual({ category: 'housing_dorm', amount: 0, covered: true });
		expect(budget.other.find((o) => o.category === 'insurance')).toMatchObject({ amount: 0, covered: true });
		expect(budget.monthlyTotal).toBe(90_000);
		expect(budget.stayTotal).toBe(90_000 * 10 + 20_000);
	});

	it('rounds every line to whole units, so the lines add up to the totals shown', () => {
		const converted = [
			{ category: 'food', period: 'month', low: 0, typical: 1_000.4, high: 0 },
			{ category: 'transport', period: 'month', low: 0, typical: 200.5, high: 0 }
		];
		const budget = calculateBudget(converted, { lifestyle: 'typical', housing: 'housing_dorm', months: 3 });
		expect(budget.monthly.map((l) => l.amount)).toEqual([1_000, 201]);
		expect(budget.monthlyTotal).toBe(1_201);
		expect(budget.stayTotal).toBe(3_603);
	});
});

describe('rounding money', () => {
	it('rounds halves away from zero and never writes "-0"', () => {
		expect(roundMoney(2.5)).toBe(3);
		expect(roundMoney(-2.5)).toBe(-3);
		expect(roundMoney(1_377.95)).toBe(1_378);
		expect(Object.is(roundMoney(-0.2), 0)).toBe(true);
	});
});

describe('tuition for a stay', () => {
	const enuMaster = { amount: 1_800_000, period: 'year' as const };

	it('charges a yearly fee per started semester: an academic year of 10 months is one year’s fee', () => {
		expect(tuitionForStay(enuMaster, 10)).toEqual({ amount: 1_800_000, semesters: 2 });
		expect(tuitionForStay(enuMaster, 12)).toEqual({ amount: 1_800_000, semesters: 2 });
		expect(tuitionForStay(enuMaster, 5)).toEqual({ amount: 900_000, semesters: 1 });
		expect(tuitionForStay(enuMaster, 13)).toEqual({ amount: 2_700_000, semesters: 3 });
		expect(tuitionForStay(enuMaster, 1)).toEqual({ amount: 900_000, semesters: 1 });
	});

	it('never charges beyond the programme’s own length', () => {
		// A nine-month foundation year, for someone staying two years.
		expect(tuitionForStay({ amount: 900_000, period: 'year' }, 24, 9)).toEqual({ amount: 900_000, semesters: 2 });
		// A two-year master, for a one-semester stay.
		expect(tuitionForStay(enuMaster, 5, 24)).toEqual({ amount: 900_000, semesters: 1 });
	});

	it('charges a semester fee once per started semester, and a fee for the stay once', () => {
		expect(tuitionForStay({ amount: 2_000, period: 'semester' }, 7)).toEqual({ amount: 4_000, semesters: 2 });
		expect(tuitionForStay({ amount: 3_500.4, period: 'stay' }, 18)).toEqual({ amount: 3_500, semesters: null });
	});

	it('rounds half a yearly fee to whole units', () => {
		expect(tuitionForStay({ amount: 3_901, period: 'year' }, 5)).toEqual({ amount: 1_951, semesters: 1 });
	});

	it('keeps a free programme free', () => {
		expect(tuitionForStay({ amount: 0, period: 'year' }, 10)).toEqual({ amount: 0, semesters: 2 });
	});
});

describe('proof of funds', () => {
	it('asks for the monthly amount over the whole stay and compares it with the money the person has', () => {
		const france = compareFunds({ requiredMonthly: 615, months: 5, monthlyLiving: 700, total: 5_450, available: 4_000 });
		expect(france).toEqual({ required: 3_075, total: 5_450, available: 4_000, againstRequired: 925, againstTotal: -1_450, ruleAboveBudget: false });
	});

	it('says when the rule asks for more a month than the person plans to spend', () => {
		expect(compareFunds({ requiredMonthly: 615, months: 5, monthlyLiving: 600, total: 3_000, available: null }).ruleAboveBudget).toBe(true);
	});

	it('compares with the budget alone where the country has no rule, and with nothing when no money is given', () => {
		expect(compareFunds({ requiredMonthly: null, months: 10, monthlyLiving: 120_000, total: 3_060_000, available: 3_500_000 })).toEqual({
			required: null,
			total: 3_060_000,
			available: 3_500_000,
			againstRequired: null,
			againstTotal: 440_000,
			ruleAboveBudget: null
		});
		expect(compareFunds({ requiredMonthly: null, months: 10, monthlyLiving: 1, total: 10, available: null })).toMatchObject({ againstRequired: null, againstTotal: null });
	});

	it('rounds a converted requirement for the stay to whole units', () => {
		// SEK 10,584 a month in euros at 0.088: 931.39… a month, 4,656.96 for five months.
		expect(compareFunds({ requiredMonthly: convert(10_584, 0.088, 1), months: 5, monthlyLiving: 0, total: 0, available: null }).required).toBe(4_657);
	});
});
