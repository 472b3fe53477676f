import { asc, sql } from 'drizzle-orm';
import type { ServiceContext } from '../platform/context';
import { exchangeRate } from './programmes.tables';

/** Euros per unit of each currency, at the newest rate. */
export async function latestRates(ctx: Pick<ServiceContext, 'db'>) {
	const rows = await ctx.db.select({ currency: exchangeRate.currency, rate: exchangeRate.eurPerUnit, asOf: exchangeRate.asOf }).from(exchangeRate).orderBy(asc(exchangeRate.asOf));
	return new Map(rows.map((r) => [r.currency, r.rate]));
}

/** The newest rate of each currency (euros per unit) with its date, by currency. */
export async function latestRatesWithDates(ctx: Pick<ServiceContext, 'db'>) {
	const rows = await ctx.db
		.selectDistinctOn([exchangeRate.currency], { currency: exchangeRate.currency, eurPerUnit: exchangeRate.eurPerUnit, asOf: exchangeRate.asOf })
		.from(exchangeRate)
		.orderBy(exchangeRate.currency, sql`${exchangeRate.asOf} desc`);
	return new Map(rows.map((r) => [r.currency, r]));
}

/** Tuition per year in euros, the finder's comparable column: 0 stays free, unknown stays unknown. */
export function tuitionInEuros(amount: number | null, currency: string | null, rates: ReadonlyMap<string, number>): number | null {
	if (amount === null) return null;
	if (amount === 0) return 0;
	const rate = currency ? rates.get(currency) : undefined;
	return rate === undefined ? null : Math.round(amount * rate);
}
