import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
	/**
	 * Runs `fn` in one transaction on one connection, for whole-table reads and writes (backups):
	 * 'snapshot' is repeatable read and read only, so every table is read as of one moment while
	 * the app goes on writing. Dates, numbers and bytes are written the same way on every server.
	 */
	bulk<T>(mode: 'snapshot' | 'write', fn: (session: BulkSession) => Promise<T>): Promise<T>;
}

/** A transaction for bulk work: plain SQL, and COPY in PostgreSQL's text format. */
export interface BulkSession {
	query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
	/** `statement` is a COPY without its end (`copy "t" ("a", "b")`): the table's rows, as they come. */
	copyOut(statement: string): AsyncIterable<Uint8Array>;
	/** `statement` as for copyOut; the rows come from `data`. */
	copyIn(statement: string, data: AsyncIterable<Uint8Array>): Promise<void>;
}

/**
 * Session settings of a bulk transaction, so COPY's text reads back the same on any server
 * whatever its defaults (pg_dump sets the same ones).
 */
const BULK_SETTINGS = [
	"set local datestyle = 'ISO, YMD'",
	"set local intervalstyle = 'postgres'",
	"set local timezone = 'UTC'",
	'set local extra_float_digits = 3',
	"set local bytea_output = 'hex'",
	"set local client_encoding = 'UTF8'"
];
const BULK_MODES = { snapshot: 'set transaction isolation level repeatable read, read only', write: 'set transaction read write' };

/** Which Database opened a drizzle `db`, for the code that needs more than the ORM (the backup job). */
const opened = new WeakMap<object, Database>();
export function databaseOf(db: Db): Database {
	const database = opened.get(db);
	if (!database) throw new Error('this db was not opened by openDatabase (a transaction?)');
	return database;
}

/** Any number: all servers of one platform take the same advisory lock before migrating. */
const MIGRATION_LOCK_ID = 7_316_552_016;

/**
 * Opens PostgreSQL when `url` is given, otherwise embedded PGlite in `dataDir`
 * ('memory' for a throwaway in-memory database: tests and the build).
 */
export async function openDatabase(options: { url?: string; dataDir?: string | 'memory'; loadDataDir?: Blob }): Promise<Database> {
	const database = options.url ? await openPostgres(options.url) : await openPglite(options.dataDir ?? 'memory', options.loadDataDir);
	opened.set(database.db, database);
	return database;
}

/**
 * PGlite is one process's database: a second process opening the same data directory would
 * corrupt it, and PGlite itself does not stop it. `<dataDir>.lock` holds the owner's process
 * id while it is open; another process finding a live owner there is refused.
 */
function lockDataDir(dataDir: string) {
	const file = `${path.resolve(dataDir)}.lock`;
	while (!createLockFile(file)) {
		const owner = Number(readIfThere(file).trim());
		if (owner && owner !== process.pid && processIsAlive(owner)) {
			throw new Error(
				`The embedded database in ${dataDir} is in use by process ${owner} (a running server?). ` +
					`PGlite can be opened by one process at a time: stop that process first. If no such process runs, remove ${file}.`
			);
		}
		// Left by a process that ended without closing it (or by this one): take it over.
		fs.rmSync(file, { force: true });
	}
	return () => {
		if (readIfThere(file).trim() === String(process.pid)) fs.rmSync(file, { force: true });
	};
}

/** Creates the lock file holding this process's id; false when it exists already. */
function createLockFile(file: string) {
	try {
		fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
		return true;
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw err;
	}
}

function readIfThere(file: string) {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
		throw err;
	}
}

function processIsAlive(pid: number) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * PGlite's own start parameters (0.5.17), repeated because passing any replaces them all. One
 * setting differs: its 128 MB of shared buffers live in the WebAssembly memory, which never
 * shrinks; with 32 MB (PGLITE_SHARED_BUFFERS) the process stays about 100 MB smaller and reads
 * the rest through the operating system's file cache, at the same speed on the benchmark's pages.
 * `-F` (no fsync) is PGlite's: its file system on Node never syncs anyway (docs/operations.md).
 */
const PGLITE_START_PARAMS = ['--single', '-F', '-O', '-j', '-c', 'search_path=public', '-c', 'exit_on_error=false', '-c', 'log_checkpoints=false', '-c', 'max_worker_processes=0', '-c', 'max_parallel_workers=0', '-c', 'max_parallel_workers_per_gather=0', '-c', 'io_method=sync', '-c', 'max_parallel_maintenance_workers=0'];

/** `loadDataDir`: a data directory dumped by `dumpPglite` (tests start from a migrated copy). */
async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	if (dataDir !== 'memory') fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
	const unlock = dataDir === 'memory' ? () => {} : lockDataDir(dataDir);
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	// Extensions are loaded here; the migrations then CREATE EXTENSION them like on PostgreSQL.
	let client: InstanceType<typeof PGlite>;
	try {
		client = new PGlite({
			...(dataDir === 'memory' ? {} : { dataDir }),
			...(loadDataDir ? { loadDataDir } : {}),
			startParams: [...PGLITE_START_PARAMS, '-c', `shared_buffers=${process.env.PGLITE_SHARED_BUFFERS || '32MB'}`],
			extensions: { pg_trgm }
		});
		await client.waitReady;
	} catch (err) {
		unlock();
		throw err;
	}
	const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
	return {
		db,
		kind: 'pglite',
		dump: async () => client.dumpDataDir('none'),
		bulk: (mode, fn) =>
			client.transaction(async (tx) => {
				for (const statement of [BULK_MODES[mode], ...BULK_SETTINGS]) await tx.query(statement);
				return fn({
					query: async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows,
					async *copyOut(statement) {
						// PGlite hands COPY's output over as one blob.
						const result = await tx.query(`${statement} to '/dev/blob'`);
						if (result.blob) yield new Uint8Array(await result.blob.arrayBuffer());
					},
					async copyIn(statement, data) {
						const chunks: Uint8Array[] = [];
						for await (const chunk of data) chunks.push(chunk);
						await tx.query(`${statement} from '/dev/blob'`, [], { blob: new Blob(chunks as Uint8Array<ArrayBuffer>[]) });
					}
				});
			}),
		// One process owns a PGlite data directory, so no lock is needed here.
		migrate: async (migrationsFolder) => migrate(db as never, { migrationsFolder }),
		ping: async () => {
			await client.query('select 1');
		},
		close: async () => {
			if (!client.closed) await client.close();
			unlock();
		}
	};
}

async function openPostgres(url: string): Promise<Database> {
	const { default: postgres } = await import('postgres');
	const { drizzle } = await import('drizzle-orm/postgres-js');
	const { migrate } = await import('drizzle-orm/postgres-js/migrator');
	// When PostgreSQL restarts, connections come back within a second of it (postgres.js's own
	// backoff grows to 20 s, one counter for the pool), and a connection attempt that hangs gives
	// up after 10 s. The driver's crash on a write to a closed socket is patched
	// (patches/postgres+3.4.9.patch). Proven by faults/postgres-restart.int.test.ts.
	const client = postgres(url, {
		max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
		onnotice: () => {},
		backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1),
		connect_timeout: 10
	});
	const prepare = process.env.DATABASE_PREPARE !== 'false';
	const db = drizzle({ client: prepare ? preferPrepared(client) : client, schema, casing: 'snake_case' }) as unknown as Db;
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
		async bulk<T>(mode: 'snapshot' | 'write', fn: (session: BulkSession) => Promise<T>) {
			const result = await client.begin(async (tx) => {
				for (const statement of [BULK_MODES[mode], ...BULK_SETTINGS]) await tx.unsafe(statement);
				return fn({
					query: async <R>(text: string, params?: unknown[]) => [...(await tx.unsafe(text, params as never[]))] as R[],
					async *copyOut(statement) {
						const readable = await tx.unsafe(`${statement} to stdout`).readable();
						try {
							for await (const chunk of readable) yield chunk as Uint8Array;
						} finally {
							// postgres.js 3.4 pauses its socket when a chunk fills the stream's buffer and
							// does not resume it when the copy ends in the same read: the connection would
							// then hang (porsager/postgres#499, fix proposed in #1016). The stream's read
							// resumes the socket; after the end nothing else calls it.
							(readable as unknown as { _read(size: number): void })._read(0);
						}
					},
					async copyIn(statement, data) {
						await pipeline(Readable.from(data), await tx.unsafe(`${statement} from stdin`).writable());
					}
				});
			});
			return result as T;
		},
		ping: async () => {
			await db.execute(sql`select 1`);
		},
		close: async () => {
			await client.end({ timeout: 5 });
		}
	};
}

type PostgresClient = import('postgres').Sql;

/**
 * Drizzle hands every query to postgres.js as an unnamed statement, and postgres.js then asks the
 * server to describe a statement with parameters before running it: two round trips for each
 * query, and the server parses and plans it every time. Named prepared statements take one round
 * trip from their second use on a connection. postgres.js keeps them per connection and prepares
 * again when a migration changes a table under one. `DATABASE_PREPARE=false` turns this off (a
 * connection pooler in transaction mode older than PgBouncer 1.21 cannot keep them).
 */
function preferPrepared<T extends PostgresClient>(client: T): T {
	const unsafe = client.unsafe.bind(client);
	const begin = client.begin?.bind(client);
	const savepoint = (client as unknown as { savepoint?: PostgresClient['begin'] }).savepoint?.bind(client);
	// A transaction and a savepoint get a client of their own: theirs prepare too.
	const wrapScope = (open: (...args: never[]) => unknown) =>
		((...args: unknown[]) => {
			const body = args.pop() as (tx: PostgresClient) => unknown;
			return open(...(args as never[]), ((tx: PostgresClient) => body(preferPrepared(tx))) as never);
		}) as never;
	return Object.assign(client, {
		unsafe: ((text: string, params?: never[], options?: object) => unsafe(text, params, { ...options, prepare: true })) as T['unsafe'],
		...(begin ? { begin: wrapScope(begin) } : {}),
		...(savepoint ? { savepoint: wrapScope(savepoint) } : {})
	});
}
