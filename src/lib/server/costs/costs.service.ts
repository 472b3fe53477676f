import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { invalidInput } from '../platform/errors';
import type { Platform, ServiceContext } from '../platform/context';
import { parseInput } from '../platform/validation';
import { exchangeRate } from '../programmes/programmes.tables';
import { calculateBudget, convert } from './budget';
import { COST_ITEMS, FUNDS_REQUIREMENTS } from './costs.data';
import { costItem, fundsRequirement } from './costs.tables';

export async function seedCosts(platform: Platform) {
	await platform.db.insert(costItem).values(COST_ITEMS).onConflictDoNothing();
	await platform.db.insert(fundsRequirement).values(FUNDS_REQUIREMENTS).onConflictDoNothing();
}

/** The cities that have cost data, with their country. */
export async function listCostCities(ctx: ServiceContext) {
	return ctx.db.selectDistinct({ city: costItem.city, countryCode: costItem.countryCode }).from(costItem).orderBy(asc(costItem.countryCode), asc(costItem.city));
}

/** The latest rate of each currency (euros per unit) and its date. */
export async function latestRates(ctx: ServiceContext) {
	const rows = await ctx.db
		.selectDistinctOn([exchangeRate.currency], { currency: exchangeRate.currency, eurPerUnit: exchangeRate.eurPerUnit, asOf: exchangeRate.asOf })
		.from(exchangeRate)
		.orderBy(exchangeRate.currency, sql`${exchangeRate.asOf} desc`);
	return new Map(rows.map((r) => [r.currency, r]));
}

export const budgetSchema = z.object({
	city: z.string().trim().min(1, 'error_choose_one').max(80, 'error_choose_one'),
	housing: z.enum(['housing_dorm', 'housing_shared', 'housing_studio'], 'error_choose_one').default('housing_dorm'),
	lifestyle: z.enum(['low', 'typical', 'high'], 'error_choose_one').default('typical'),
	months: z.coerce.number('error_months_invalid').int('error_months_invalid').min(1, 'error_months_invalid').max(72, 'error_months_invalid').default(10),
	currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'error_choose_one').optional().or(z.literal('').transform(() => undefined))
});

export async function planBudget(ctx: ServiceContext, query: Record<string, string>) {
	const input = parseInput(budgetSchema, Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '')));
	const items = await ctx.db.select().from(costItem).where(eq(costItem.city, input.city)).orderBy(asc(costItem.sortOrder));
	if (!items.length) throw invalidInput({ city: 'error_choose_one' });
	const local = items[0]!.currency;
	const countryCode = items[0]!.countryCode;
	const rates = await latestRates(ctx);
	if (input.currency && !rates.has(input.currency)) throw invalidInput({ currency: 'error_choose_one' });
	const budget = calculateBudget(items, input);
	const [funds] = await ctx.db.select().from(fundsRequirement).where(and(eq(fundsRequirement.countryCode, countryCode)));
	const localRate = rates.get(local);
	const target = input.currency ? rates.get(input.currency) : undefined;
	const toTarget = (amount: number) => (localRate && target ? convert(amount, localRate.eurPerUnit, target.eurPerUnit) : null);
	const fundsLocal = funds && localRate && rates.get(funds.currency) ? convert(funds.monthlyAmount, rates.get(funds.currency)!.eurPerUnit, localRate.eurPerUnit) : null;
	return {
		input,
		countryCode,
		currency: local,
		budget,
		unverified: items.some((i) => i.unverified),
		sources: [...new Set(items.flatMap((i) => (i.sourceUrl ? [i.sourceUrl] : [])))],
		converted: target && input.currency !== local ? { currency: input.currency!, monthly: toTarget(budget.monthlyTotal)!, total: toTarget(budget.stayTotal)!, asOf: [localRate!.asOf, target.asOf].sort()[0]! } : null,
		funds: funds ? { ...funds, monthlyLocal: fundsLocal, meets: fundsLocal === null ? null : budget.monthlyTotal >= fundsLocal } : null,
		currencies: [...rates.keys()].sort()
	};
}
