import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../platform/sql-rows';
import { openDatabase, type Database } from './database';
import { vacuumTablesDue } from './upkeep';

/** The embedded database has no autovacuum: the upkeep job does its work. */
let opened: Database | undefined;
afterAll(async () => opened?.close());

const statsOf = async (database: Database, table: string) => {
	await database.db.execute(sql`select pg_stat_force_next_flush()`);
	const result = await database.db.execute(sql`select n_mod_since_analyze::int as changed, last_vacuum is not null as vacuumed, last_analyze is not null as analysed from pg_stat_user_tables where relname = ${table}`);
	return rowsOf<{ changed: number; vacuumed: boolean; analysed: boolean }>(result)[0];
};

describe('upkeep of the embedded database', () => {
	it('vacuums and analyses the tables that changed enough, and leaves the others', async () => {
		opened = await openDatabase({ dataDir: 'memory' });
		await opened.db.execute(sql`create table busy (id int primary key, note text)`);
		await opened.db.execute(sql`create table quiet (id int primary key)`);
		await opened.db.execute(sql`insert into busy select g, 'x' from generate_series(1, 3000) g`);
		await opened.db.execute(sql`update busy set note = 'y' where id <= 1000`);
		await opened.db.execute(sql`insert into quiet values (1)`);
		await opened.db.execute(sql`vacuum analyze quiet`);
		await opened.db.execute(sql`insert into quiet values (2)`);
		expect(await statsOf(opened, 'busy')).toEqual({ changed: 4000, vacuumed: false, analysed: false });

		const done = await vacuumTablesDue(opened.db);
		expect(done).toContain('busy');
		expect(done).not.toContain('quiet'); // one row changed since its last vacuum
		expect(await statsOf(opened, 'busy')).toEqual({ changed: 0, vacuumed: true, analysed: true });
		// Nothing changed since: nothing to do.
		expect(await vacuumTablesDue(opened.db)).not.toContain('busy');
	});

	it('still finds a table loaded before the database was closed and opened again (the counts start over)', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcome-upkeep-'));
		try {
			const first = await openDatabase({ dataDir: dir });
			await first.db.execute(sql`create table loaded (id int primary key)`);
			await first.db.execute(sql`insert into loaded select g from generate_series(1, 20000) g`);
			await first.close();
			const again = await openDatabase({ dataDir: dir });
			try {
				expect(await vacuumTablesDue(again.db)).toContain('loaded');
				expect(await vacuumTablesDue(again.db)).not.toContain('loaded');
			} finally {
				await again.close();
			}
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
