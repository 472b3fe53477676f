import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from './database';

/**
 * On PostgreSQL every query runs as a named prepared statement (one round trip from its second
 * use on a connection, no parse and plan each time), also inside transactions; DATABASE_PREPARE
 * =false turns it off for connection poolers that cannot keep them.
 */
const url = process.env.TEST_DATABASE_URL;
let opened: Database | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
	vi.unstubAllEnvs();
});

/** The prepared statements of the one connection (pool of one) that ran `text`. */
async function preparedOn(database: Database, text: string) {
	const rows = (await database.db.execute(sql`select statement from pg_prepared_statements`)) as unknown as { statement: string }[];
	return rows.filter((row) => row.statement.includes(text)).length;
}

describe.skipIf(!url)('the PostgreSQL connection', () => {
	it('prepares what it runs, in and out of transactions, and reuses the statement', async () => {
		vi.stubEnv('DATABASE_POOL_SIZE', '1');
		opened = await openDatabase({ url });
		const db = opened.db;
		for (const n of [1, 2]) {
			const [row] = (await db.execute(sql`select ${n}::int + 40 as n`)) as unknown as { n: number }[];
			expect(row!.n).toBe(n + 40);
		}
		await db.transaction(async (tx) => {
			await tx.execute(sql`select ${'x'}::text || 'in a transaction' as t`);
			await tx.transaction(async (inner) => inner.execute(sql`select ${'x'}::text || 'in a savepoint' as t`));
		});
		expect(await preparedOn(opened, '::int + 40')).toBe(1);
		expect(await preparedOn(opened, 'in a transaction')).toBe(1);
		expect(await preparedOn(opened, 'in a savepoint')).toBe(1);
	});

	it('prepares nothing with DATABASE_PREPARE=false', async () => {
		vi.stubEnv('DATABASE_POOL_SIZE', '1');
		vi.stubEnv('DATABASE_PREPARE', 'false');
		opened = await openDatabase({ url });
		await opened.db.execute(sql`select ${1}::int + 41 as n`);
		expect(await preparedOn(opened, '::int + 41')).toBe(0);
	});
});
