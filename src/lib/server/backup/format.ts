import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BulkSession } from '../db/database';

/**
 * A backup is a folder: `manifest.json` (what is in it, with a checksum of every file), one file
 * per table of the `public` schema in PostgreSQL's COPY text format (`data/<table>.copy`), and
 * every stored file under `media/<key>`. The same format comes from PGlite and PostgreSQL and
 * restores into either.
 */
export const FORMAT = 'welcome-backup';
export const FORMAT_VERSION = 1;

export interface Manifest {
	format: typeof FORMAT;
	version: typeof FORMAT_VERSION;
	createdAt: string;
	/** Where it was made: the embedded database or a PostgreSQL server, and its version. */
	database: { kind: 'pglite' | 'postgres'; version: string };
	/** The migration level: drizzle's `__drizzle_migrations` rows, oldest first (tag: the migration's name, when this code knew it). */
	migrations: { hash: string; createdAt: number; tag: string | null }[];
	tables: { name: string; columns: string[]; rows: number; file: string; bytes: number; sha256: string }[];
	sequences: { name: string; lastValue: string; isCalled: boolean }[];
	media: { key: string; file: string; bytes: number; sha256: string }[];
}

export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** A SQL identifier, quoted. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const qualified = (name: string) => `${ident('public')}.${ident(name)}`;

/** Table names become file names: only plain ones are backed up (every table of ours is). */
export const PLAIN_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
export const tableFile = (table: string) => `data/${table}.copy`;
export const mediaFile = (key: string) => `media/${key}`;

/** Not a member of an extension (pg_trgm's functions and operators are the extension's). */
export const notFromExtension = (catalog: string, oid: string) =>
	`not exists (select 1 from pg_depend d where d.classid = '${catalog}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;

/** Every table of the `public` schema, from the catalog (so new modules' tables are covered). */
export async function listTables(s: BulkSession): Promise<{ name: string; columns: string[] }[]> {
	const rows = await s.query<{ table: string; column: string }>(
		`select c.relname as table, a.attname as column
		   from pg_class c
		   join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
		  where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and ${notFromExtension('pg_class', 'c.oid')}
		  order by c.relname, a.attnum`
	);
	const tables = new Map<string, string[]>();
	for (const row of rows) tables.set(row.table, [...(tables.get(row.table) ?? []), row.column]);
	return [...tables].map(([name, columns]) => ({ name, columns }));
}

export async function listSequences(s: BulkSession): Promise<string[]> {
	const rows = await s.query<{ name: string }>(
		`select c.relname as name from pg_class c
		  where c.relnamespace = 'public'::regnamespace and c.relkind = 'S' and ${notFromExtension('pg_class', 'c.oid')}
		  order by c.relname`
	);
	return rows.map((r) => r.name);
}

/** The tables in an order where every table comes after those it references (cycles last, by name). */
export async function loadOrder(s: BulkSession, tables: string[]): Promise<string[]> {
	const references = await s.query<{ child: string; parent: string }>(
		`select ch.relname as child, pa.relname as parent
		   from pg_constraint c join pg_class ch on ch.oid = c.conrelid join pg_class pa on pa.oid = c.confrelid
		  where c.contype = 'f' and ch.relnamespace = 'public'::regnamespace and pa.relnamespace = 'public'::regnamespace`
	);
	const parents = new Map(tables.map((t) => [t, new Set<string>()]));
	for (const { child, parent } of references) if (child !== parent && parents.has(parent)) parents.get(child)?.add(parent);
	const order: string[] = [];
	const placed = new Set<string>();
	let progress = true;
	while (progress) {
		progress = false;
		for (const table of tables) {
			if (placed.has(table) || [...parents.get(table)!].some((p) => !placed.has(p))) continue;
			order.push(table);
			placed.add(table);
			progress = true;
		}
	}
	return [...order, ...tables.filter((t) => !placed.has(t))];
}

/** The migration level of the database: drizzle's record of the migrations it ran, oldest first. */
export async function appliedMigrations(s: BulkSession): Promise<{ hash: string; createdAt: number }[]> {
	const [present] = await s.query<{ present: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
	if (!present?.present) return [];
	const rows = await s.query<{ hash: string; created_at: string }>(`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at, id`);
	return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}

/** This code's migrations (drizzle/meta/_journal.json), with the hash drizzle records for each. */
export function readJournal(migrationsDir: string): { tag: string; when: number; hash: string }[] {
	const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
	return journal.entries.map((e) => ({ tag: e.tag, when: e.when, hash: sha256(fs.readFileSync(path.join(migrationsDir, `${e.tag}.sql`), 'utf8')) }));
}

/**
 * A migrations folder holding only the first `count` of `migrationsDir`'s migrations: drizzle's
 * migrator runs every migration of its folder, so this is how a database is brought to an
 * older level (a backup's) before its rows are loaded.
 */
export function migrationsUpTo(migrationsDir: string, count: number): { dir: string; remove(): void } {
	const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
	if (count > journal.entries.length) throw new Error(`${migrationsDir} has ${journal.entries.length} migrations, not ${count}`);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcome-migrations-'));
	fs.mkdirSync(path.join(dir, 'meta'));
	const entries = journal.entries.slice(0, count);
	fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }, null, 2));
	for (const entry of entries) fs.copyFileSync(path.join(migrationsDir, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
	return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Content types by file name, for objects put back into S3 (the app never reads them: it serves by its own records). */
const TYPES: Record<string, string> = { webp: 'image/webp', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', pdf: 'application/pdf' };
export const contentTypeOf = (key: string) => TYPES[key.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';

/** Runs `fn` on every item, `limit` at a time. */
export async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, items.length) }, async () => {
			while (next < items.length) await fn(items[next++]!);
		})
	);
}
