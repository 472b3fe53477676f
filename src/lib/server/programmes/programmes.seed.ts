import { and, desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/database';
import { institution } from '../institutions/institutions.tables';
import type { Platform } from '../platform/context';
import { DEMO_PROGRAMMES, DEMO_RATES } from './programmes.data';
import { exchangeRate, programme } from './programmes.tables';

/** Euros per unit of a currency on or before a date; null when no rate is known. */
export async function eurPerUnit(db: Db, currency: string, onOrBefore: string) {
	if (currency === 'EUR') return 1;
	const [row] = await db
		.select({ rate: exchangeRate.eurPerUnit })
		.from(exchangeRate)
		.where(and(eq(exchangeRate.currency, currency), lte(exchangeRate.asOf, onOrBefore)))
		.orderBy(desc(exchangeRate.asOf))
		.limit(1);
	return row?.rate ?? null;
}

/**
 * Exchange rates are reference data (every platform needs them to compare tuition and
 * budgets): the missing ones are added at every start. Admins add newer dated rates.
 */
export async function seedExchangeRates(platform: Pick<Platform, 'db'>) {
	await platform.db.insert(exchangeRate).values(DEMO_RATES).onConflictDoNothing();
}

/** Adds the demo programmes that are missing; the institutions must exist. */
export async function seedDemoProgrammes(platform: Platform) {
	await seedExchangeRates(platform);
	const ids = new Map((await platform.db.select({ id: institution.id, slug: institution.slug }).from(institution)).map((r) => [r.slug, r.id]));
	const rates = new Map(DEMO_RATES.map((r) => [r.currency, r.eurPerUnit]));
	const rows = DEMO_PROGRAMMES.flatMap(({ institution: slug, ...p }) => {
		const institutionId = ids.get(slug);
		if (!institutionId) return [];
		const rate = p.tuitionCurrency ? rates.get(p.tuitionCurrency) : undefined;
		const tuitionEur = p.tuitionAmount !== null && rate !== undefined ? Math.round(p.tuitionAmount * rate) : null;
		return [{ ...p, institutionId, tuitionEur, isDemo: true }];
	});
	if (!rows.length) return 0;
	const inserted = await platform.db.insert(programme).values(rows).onConflictDoNothing().returning({ id: programme.id });
	return inserted.length;
}
