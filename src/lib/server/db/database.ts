import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	/** Runs the committed SQL migrations; safe when several servers start at once. */
	migrate(migrationsDir: string): Promise<void>;
	ping(): Promise<void>;
	close(): Promise<void>;
	/** PGlite only: the whole data directory as a tar archive, to open copies of it. */
	dump?(): Promise<Blob>;
}

/** Any number: all servers of one platform take the same advisory lock before migrating. */
const MIGRATION_LOCK_ID = 7_316_552_016;

/**
 * Opens PostgreSQL when `url` is given, otherwise embedded PGlite in `dataDir`
 * ('memory' for a throwaway in-memory database: tests and the build).
 */
export async function openDatabase(options: { url?: string; dataDir?: string | 'memory'; loadDataDir?: Blob }): Promise<Database> {
	return options.url ? openPostgres(options.url) : openPglite(options.dataDir ?? 'memory', options.loadDataDir);
}

/** `loadDataDir`: a data directory dumped by `dumpPglite` (tests start from a migrated copy). */
async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	if (dataDir !== 'memory') fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	// Extensions are loaded here; the migrations then CREATE EXTENSION them like on PostgreSQL.
	const client = new PGlite({ ...(dataDir === 'memory' ? {} : { dataDir }), ...(loadDataDir ? { loadDataDir } : {}), extensions: { pg_trgm } });
	await client.waitReady;
	const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
	return {
		db,
		kind: 'pglite',
		dump: async () => client.dumpDataDir('none'),
		// One process owns a PGlite data directory, so no lock is needed here.
		migrate: async (migrationsFolder) => migrate(db as never, { migrationsFolder }),
		ping: async () => {
			await client.query('select 1');
		},
		close: async () => {
			if (!client.closed) await client.close();
		}
	};
}

async function openPostgres(url: string): Promise<Database> {
	const { default: postgres } = await import('postgres');
	const { drizzle } = await import('drizzle-orm/postgres-js');
	const { migrate } = await import('drizzle-orm/postgres-js/migrator');
	const client = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
	const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
	return {
		db,
		kind: 'postgres',
		migrate: async (migrationsFolder) => {
			// A session-level advisory lock belongs to one connection: migrate on a client of
			// exactly one connection, so the lock, the migrations and the unlock share it.
			const single = postgres(url, { max: 1, onnotice: () => {} });
			try {
				await single`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
				try {
					await migrate(drizzle({ client: single, casing: 'snake_case' }), { migrationsFolder });
				} finally {
					await single`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
				}
			} finally {
				await single.end({ timeout: 5 });
			}
		},
		ping: async () => {
			await db.execute(sql`select 1`);
		},
		close: async () => {
			await client.end({ timeout: 5 });
		}
	};
}
