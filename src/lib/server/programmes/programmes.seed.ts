import { and, desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/database';
import { institutionDirectory } from '../institutions/institutions.views';
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
	const ids = new Map((await platform.db.select({ id: institutionDirectory.id, slug: institutionDirectory.slug }).from(institutionDirectory)).map((r) => [r.slug, r.id]));
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

/** A programme as the benchmark's synthetic data gives it (marked demo when inserted). */
export type SeedProgramme = Omit<typeof programme.$inferInsert, 'id' | 'isDemo'>;

/**
 * Adds demo programmes in bulk (inserts of 1000 rows: scale data runs to tens of thousands);
 * one whose slug is already taken at its institution is left out.
 */
export async function seedDemoProgrammeRows(platform: Pick<Platform, 'db'>, rows: readonly SeedProgramme[]) {
	for (let k = 0; k < rows.length; k += 1000) {
		await platform.db
			.insert(programme)
			.values(rows.slice(k, k + 1000).map((row) => ({ ...row, isDemo: true })))
			.onConflictDoNothing();
	}
}
