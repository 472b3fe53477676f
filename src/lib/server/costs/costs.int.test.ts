import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/demo.seed';
import { AppError } from '../platform/errors';
import type { RunningPlatform } from '../boot/platform';
import { contextFor } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { calculatorOptions, planBudget } from './costs.service';

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
		expect(result.display?.currency).toBe('CNY');
		expect(result.display!.rate).toBeCloseTo(0.00175 / 0.127, 8);
		expect(result.display!.asOf).toBe('2026-11-27');
		// Nothing said about tuition: none counted, and the page says so.
		expect(result.tuition).toBeNull();
		expect(result.total).toBe(result.budget.stayTotal);
		// Kazakhstan has no proof-of-funds rule: the comparison is with the budget alone.
		expect(result.funds.rule).toBeNull();
		expect(result.funds.required).toBeNull();
	});

	it('compares a budget in Perpignan with France’s proof of funds over the whole stay', async () => {
		const frugal = await plan({ city: 'Perpignan', housing: 'housing_dorm', lifestyle: 'low', months: '5', funds: '3000', fundsCurrency: 'EUR' });
		expect(frugal.funds.rule?.monthlyLocal).toBe(615);
		expect(frugal.funds.required).toBe(3_075);
		expect(frugal.funds.ruleAboveBudget).toBe(true);
		expect(frugal.funds.available).toBe(3_000);
		expect(frugal.funds.againstRequired).toBe(-75);
		expect(frugal.funds.againstTotal).toBe(3_000 - frugal.total);
		const comfortable = await plan({ city: 'Perpignan', housing: 'housing_studio', lifestyle: 'high', months: '5' });
		expect(comfortable.funds.ruleAboveBudget).toBe(false);
		expect(comfortable.funds.available).toBeNull();
	});

	it('adds a programme’s tuition at ENU for the stay, the city and length taken from the programme', async () => {
		const whole = await plan({ institution: 'enu', programme: 'computer-science-msc' });
		expect(whole.input.city).toBe('Astana');
		expect(whole.input.months).toBe(24);
		expect(whole.tuitionChoice).toBe('programme');
		expect(whole.tuition).toMatchObject({ source: 'programme', amount: 3_600_000, semesters: 4, fee: { amount: 1_800_000, currency: 'KZT', period: 'year' } });
		const year = await plan({ city: 'Astana', institution: 'enu', programme: 'computer-science-msc', months: '10', currency: 'CNY' });
		expect(year.tuition?.amount).toBe(1_800_000);
		expect(year.total).toBe(year.budget.stayTotal + 1_800_000);
		expect(year.options.programmes.map((p) => p.slug)).toContain('computer-science-msc');
		expect(year.options.institutions.map((i) => i.slug)).toEqual(expect.arrayContaining(['enu', 'kazuefit']));
	});

	it('converts a tuition fee in another currency into the city’s, and takes typed amounts as people write them', async () => {
		const result = await plan({ city: 'Astana', months: '10', tuitionAmount: '4 000', tuitionPeriod: 'semester', tuitionCurrency: 'EUR' });
		expect(result.tuitionChoice).toBe('own');
		expect(result.tuition).toMatchObject({ source: 'own', feeForStay: 8_000, semesters: 2, amount: Math.round(8_000 / 0.00175) });
		const stay = await plan({ city: 'Astana', months: '10', tuition: 'own', tuitionAmount: '500000', tuitionPeriod: 'stay' });
		expect(stay.tuition?.amount).toBe(500_000);
	});

	it('counts no tuition for an exchange student, even with a programme chosen', async () => {
		const result = await plan({ city: 'Astana', months: '5', tuition: 'none', institution: 'enu', programme: 'computer-science-msc' });
		expect(result.tuition).toMatchObject({ source: 'none', amount: 0 });
		expect(result.total).toBe(result.budget.stayTotal);
	});

	it('leaves out what the Chinese Government Scholarship pays and counts its stipend as money', async () => {
		const result = await plan({ institution: 'tongji', programme: 'civil-engineering-meng', scholarship: 'chinese-government-scholarship', months: '10', funds: '1000', fundsCurrency: 'CNY' });
		expect(result.options.scholarships.map((s) => s.slug)).toContain('chinese-government-scholarship');
		expect(result.tuition).toMatchObject({ source: 'scholarship', amount: 0 });
		expect(result.budget.monthly.find((l) => l.category === 'housing_dorm')).toMatchObject({ amount: 0, covered: true });
		expect(result.budget.other.find((l) => l.category === 'insurance')).toMatchObject({ amount: 0, covered: true });
		expect(result.stipend).toEqual({ monthly: 3_000, total: 30_000 });
		expect(result.funds.available).toBe(31_000);
	});

	it('converts the money a person has into the city’s currency before comparing', async () => {
		const result = await plan({ city: 'Astana', months: '10', tuition: 'none', funds: '300000', fundsCurrency: 'CNY' });
		expect(result.funds.available).toBe(Math.round((300_000 * 0.127) / 0.00175));
		expect(result.funds.againstTotal).toBe(result.funds.available! - result.total);
		// Without a currency of its own, the money is in the city's (what the form's first choice says),
		// whatever currency the budget is also shown in.
		const local = await plan({ city: 'Astana', months: '10', tuition: 'none', funds: '300000', currency: 'CNY' });
		expect(local.funds.available).toBe(300_000);
	});

	it.each([
		[{ city: 'Atlantis' }, 'city'],
		[{}, 'city'],
		[{ city: 'Astana', months: '0' }, 'months'],
		[{ city: 'Astana', months: 'ten' }, 'months'],
		[{ city: 'Astana', months: '1e308' }, 'months'],
		[{ city: 'Astana', currency: 'XXX' }, 'currency'],
		[{ city: 'Astana', lifestyle: 'royal' }, 'lifestyle'],
		[{ city: 'Astana', tuition: 'own' }, 'tuitionAmount'],
		[{ city: 'Astana', tuition: 'maybe' }, 'tuition'],
		[{ city: 'Astana', tuitionAmount: 'lots' }, 'tuitionAmount'],
		[{ city: 'Astana', tuitionAmount: 'Infinity' }, 'tuitionAmount'],
		[{ city: 'Astana', tuitionAmount: '-5' }, 'tuitionAmount'],
		[{ city: 'Astana', tuitionAmount: '100', tuitionPeriod: 'weekly' }, 'tuitionPeriod'],
		[{ city: 'Astana', tuitionAmount: '100', tuitionCurrency: 'XYZ' }, 'tuitionCurrency'],
		[{ city: 'Astana', funds: '1e308' }, 'funds'],
		[{ city: 'Astana', funds: '100', fundsCurrency: '€€€' }, 'fundsCurrency'],
		[{ city: 'Astana', tuition: 'programme' }, 'tuition'],
		[{ city: 'Astana', institution: 'enu', programme: 'no-such-programme' }, 'programme'],
		[{ city: 'Astana', institution: 'enu', programme: '../../etc' }, 'programme'],
		[{ city: 'Astana', programme: 'computer-science-msc' }, 'institution'],
		[{ city: 'Almaty', institution: 'enu', programme: 'computer-science-msc' }, 'institution'],
		[{ city: 'Astana', institution: 'enu', programme: 'computer-science-msc', scholarship: 'chinese-government-scholarship' }, 'scholarship']
	])('explains bad input %o on the field %s', async (query, field) => {
		const error = await plan(query as Record<string, string>).catch((e) => e);
		expect(error).toBeInstanceOf(AppError);
		expect(Object.keys((error as AppError).fields)).toContain(field);
	});

	it('offers the form’s choices leniently, also for a form shown again with errors', async () => {
		const options = await calculatorOptions(await contextFor(platform, null), { institution: 'enu', programme: 'computer-science-msc', tuitionAmount: 'lots' });
		expect(options.city).toBe('Astana');
		expect(options.programmes.map((p) => p.slug)).toContain('computer-science-msc');
		expect((await calculatorOptions(await contextFor(platform, null), { institution: 'EN U; drop' })).city).toBe('');
	});
});
