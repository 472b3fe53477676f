import { sql } from 'drizzle-orm';
import type { Job } from '../jobs/jobs';
import { rowsOf } from '../platform/sql-rows';
import type { Db } from './database';

/**
 * PostgreSQL's autovacuum, for the embedded database. PGlite runs PostgreSQL as one process
 * without background workers: it counts changes per table but never vacuums or analyses them.
 * Without this the planner kept the statistics of the day the data was loaded (or none), deleted
 * and updated rows were never reclaimed, and index-only scans read every row again because no
 * page was ever marked all-visible. The thresholds are autovacuum's defaults.
 */
export async function vacuumTablesDue(db: Db) {
	// The counts of this connection's own recent changes are flushed lazily: now, please.
	await db.execute(sql`select pg_stat_force_next_flush()`);
	// The change counts live in memory and start from nothing when the database opens again, so
	// what the tables themselves say counts too: never analysed, or most pages not all-visible.
	const due = await db.execute(sql`
		select c.relname from pg_class c
		join pg_namespace n on n.oid = c.relnamespace
		left join pg_stat_user_tables s on s.relid = c.oid
		where n.nspname = 'public' and c.relkind = 'r' and (
			c.reltuples < 0
			or pg_relation_size(c.oid) / current_setting('block_size')::int > 2 * c.relallvisible + 8
			or s.n_dead_tup > 50 + 0.2 * s.n_live_tup
			or s.n_ins_since_vacuum > 1000 + 0.2 * s.n_live_tup
			or s.n_mod_since_analyze > 50 + 0.1 * s.n_live_tup)
		order by c.relname`);
	const tables = rowsOf<{ relname: string }>(due);
	// One table at a time: the embedded database has one connection, and requests wait meanwhile.
	for (const { relname } of tables) await db.execute(sql`vacuum (analyze) ${sql.identifier(relname)}`);
	return tables.map((t) => t.relname);
}

/** Registered on PGlite only (boot/registry.ts): PostgreSQL's own autovacuum does this there. */
export const UPKEEP_JOB: Job = {
	name: 'database_upkeep',
	everyMinutes: 10,
	async run(platform) {
		return { vacuumed: (await vacuumTablesDue(platform.db)).length };
	}
};
