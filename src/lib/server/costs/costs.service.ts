import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { invalidInput } from '../platform/errors';
import type { Platform, ServiceContext } from '../platform/context';
import { parseInput } from '../platform/validation';
import { exchangeRate } from '../programmes/programmes.tables';
import { calculateBudget, convert } from './budget';
import { COST_ITEMS, FUNDS_REQUIREMENTS } from './costs.data';
import { COST_CATEGORIES, costItem, fundsRequirement } from './costs.tables';
import { institution } from '../institutions/institutions.tables';

export async function seedCosts(platform: Platform) {
	await platform.db.insert(costItem).values(COST_ITEMS).onConflictDoNothing();
	await platform.db.insert(fundsRequirement).values(FUNDS_REQUIREMENTS).onConflictDoNothing();
}

/** The cities that have cost data, with their country. */
export async function listCostCities(ctx: ServiceContext) {
	return ctx.db.selectDistinct({ city: costItem.city, countryCode: costItem.countryCode }).from(costItem).where(isNull(costItem.institutionId)).orderBy(asc(costItem.countryCode), asc(costItem.city));
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
	currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'error_choose_one').optional().or(z.literal('').transform(() => undefined)),
	/** An institution whose own prices replace the city's (institution slug). */
	institution: z.string().trim().max(80).optional()
});

/**
 * An institution's own prices in the city's currency, when it is in that city; null for an
 * unknown institution or one elsewhere (its prices would not belong in this city's budget).
 */
async function institutionPrices(ctx: ServiceContext, slug: string, city: string, local: string, rates: Awaited<ReturnType<typeof latestRates>>) {
	const [owner] = await ctx.db.select({ id: institution.id, slug: institution.slug, shortName: institution.shortName, city: institution.city }).from(institution).where(eq(institution.slug, slug));
	if (!owner || owner.city.en !== city) return null;
	const rows = await ctx.db.select().from(costItem).where(eq(costItem.institutionId, owner.id));
	const localRate = rates.get(local)?.eurPerUnit;
	const items = rows.flatMap((r) => {
		if (r.currency === local) return [r];
		const rate = rates.get(r.currency)?.eurPerUnit;
		if (!rate || !localRate) return [];
		const inLocal = (amount: number) => convert(amount, rate, localRate);
		return [{ ...r, currency: local, low: inLocal(r.low), typical: inLocal(r.typical), high: inLocal(r.high) }];
	});
	return { institution: { slug: owner.slug, shortName: owner.shortName }, items };
}

export async function planBudget(ctx: ServiceContext, query: Record<string, string>) {
	const input = parseInput(budgetSchema, Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '')));
	const items = await ctx.db.select().from(costItem).where(and(eq(costItem.city, input.city), isNull(costItem.institutionId))).orderBy(asc(costItem.sortOrder));
	if (!items.length) throw invalidInput({ city: 'error_choose_one' });
	const local = items[0]!.currency;
	const countryCode = items[0]!.countryCode;
	const rates = await latestRates(ctx);
	if (input.currency && !rates.has(input.currency)) throw invalidInput({ currency: 'error_choose_one' });
	const own = input.institution ? await institutionPrices(ctx, input.institution, input.city, local, rates) : null;
	const order = (category: string) => (COST_CATEGORIES as readonly string[]).indexOf(category);
	// The institution's prices take the place of the city's, in the usual order of categories.
	const lines = own ? [...items.filter((i) => !own.items.some((o) => o.category === i.category)), ...own.items].sort((a, b) => order(a.category) - order(b.category)) : items;
	const budget = calculateBudget(lines, input);
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
		institution: own?.institution ?? null,
		unverified: lines.some((i) => i.unverified),
		sources: [...new Set(lines.flatMap((i) => (i.sourceUrl ? [i.sourceUrl] : [])))],
		converted: target && input.currency !== local ? { currency: input.currency!, monthly: toTarget(budget.monthlyTotal)!, total: toTarget(budget.stayTotal)!, asOf: [localRate!.asOf, target.asOf].sort()[0]! } : null,
		funds: funds ? { ...funds, monthlyLocal: fundsLocal, meets: fundsLocal === null ? null : budget.monthlyTotal >= fundsLocal } : null,
		currencies: [...rates.keys()].sort()
	};
}
