import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { BulkSession, Database } from '../db/database';
import type { MediaStorage } from '../media/storage';
import {
	contentTypeOf,
	eachLimited,
	FORMAT,
	FORMAT_VERSION,
	ident,
	listSequences,
	listTables,
	loadOrder,
	mediaFile,
	migrationsUpTo,
	notFromExtension,
	PLAIN_NAME,
	qualified,
	readJournal,
	tableFile,
	type Manifest
} from './format';

/** A backup that cannot be restored here, said so before anything was changed. */
export class BackupRefused extends Error {}

export interface RestoreSummary {
	manifest: Manifest;
	rows: number;
	/** Migrations run after the rows were loaded: the backup came from an older version. */
	newerMigrations: number;
	/** Rows the target held before (erased with `force`). */
	erasedRows: number;
	/** Stored files the target had that the backup does not (left where they are). */
	otherFiles: number;
}

/**
 * Restores the backup in folder `source` into `database` and `media`:
 * 1. checks the backup (format, every file's checksum) and that this code knows its migration
 *    level; refuses a target database holding any row unless `force`;
 * 2. erases the target's `public` schema (tables, views, sequences, functions, types) and
 *    drizzle's migration record, and migrates it to exactly the backup's level;
 * 3. loads every table (foreign keys and triggers off where the role may do that, in reference
 *    order anyway), checks the row counts, sets every sequence as it was;
 * 4. runs the migrations that are newer than the backup, then puts every file back.
 * Steps 1 refuse with a `BackupRefused` and change nothing.
 */
export async function restoreBackup(
	database: Database,
	media: MediaStorage,
	source: string,
	options: { migrationsDir: string; force?: boolean; report?: (line: string) => void }
): Promise<RestoreSummary> {
	const report = options.report ?? (() => {});
	source = path.resolve(source);
	const manifest = readManifest(source);
	await verifyFiles(source, manifest);
	const journal = readJournal(options.migrationsDir);
	checkMigrationLevel(manifest, journal);

	const held = await database.bulk('snapshot', rowsHeld);
	const erasedRows = held.reduce((n, t) => n + t.rows, 0);
	if (held.length && !options.force) {
		throw new BackupRefused(
			`The target database is not empty: ${held.length} tables hold ${erasedRows} rows (${held
				.slice(0, 5)
				.map((t) => t.name)
				.join(', ')}${held.length > 5 ? ', …' : ''}). Restore into an empty database, or add --force to erase them first.`
		);
	}
	if (held.length) report(`--force: erasing ${erasedRows} rows in ${held.length} tables of the target database, and every table, view and sequence of its public schema.`);

	await database.bulk('write', eraseSchema);
	const level = manifest.migrations.length;
	const older = migrationsUpTo(options.migrationsDir, level);
	try {
		await database.migrate(older.dir);
	} finally {
		older.remove();
	}
	report(`Migrated the target to the backup's level (${level}: ${journal[level - 1]!.tag}); loading ${manifest.tables.length} tables.`);

	const rows = await database.bulk('write', (s) => loadTables(s, source, manifest, report));
	await database.migrate(options.migrationsDir);
	const newerMigrations = journal.length - level;
	if (newerMigrations) report(`Ran the ${newerMigrations} migrations newer than the backup (now at ${journal.length}: ${journal.at(-1)!.tag}).`);

	await eachLimited(manifest.media, 4, async (entry) => {
		await media.put(entry.key, new Uint8Array(await fsp.readFile(path.join(source, mediaFile(entry.key)))), contentTypeOf(entry.key));
	});
	const inBackup = new Set(manifest.media.map((m) => m.key));
	const otherFiles = (await media.list()).filter((key) => !inBackup.has(key)).length;
	if (otherFiles) report(`The file storage holds ${otherFiles} files that are not in the backup: they were left as they are.`);
	return { manifest, rows, newerMigrations, erasedRows, otherFiles };
}

/** The manifest, checked to be one this code reads. */
export function readManifest(source: string): Manifest {
	const file = path.join(source, 'manifest.json');
	if (!fs.existsSync(file)) throw new BackupRefused(`${source} is not a backup: it has no manifest.json.`);
	let manifest: Manifest;
	try {
		manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
	} catch {
		throw new BackupRefused(`The backup in ${source} is damaged: manifest.json is not valid JSON. Nothing was changed.`);
	}
	if (manifest?.format !== FORMAT) throw new BackupRefused(`${source} is not a backup of this platform (manifest.json has no "format": "${FORMAT}").`);
	if (manifest.version !== FORMAT_VERSION) throw new BackupRefused(`The backup in ${source} is in format version ${manifest.version}; this code reads version ${FORMAT_VERSION}.`);
	if (!Array.isArray(manifest.tables) || !Array.isArray(manifest.media) || !Array.isArray(manifest.migrations) || !Array.isArray(manifest.sequences)) {
		throw new BackupRefused(`The backup in ${source} is damaged: manifest.json lacks its lists of tables, files or migrations. Nothing was changed.`);
	}
	for (const t of manifest.tables) if (!PLAIN_NAME.test(t.name) || t.file !== tableFile(t.name)) throw new BackupRefused(`The backup's manifest names an unexpected table or file: ${t.name}.`);
	for (const m of manifest.media) if (m.file !== mediaFile(m.key) || m.key.includes('..') || path.isAbsolute(m.key)) throw new BackupRefused(`The backup's manifest names an unexpected file: ${m.key}.`);
	return manifest;
}

/** Every file is there with the size and checksum the manifest gives: a damaged backup is refused whole. */
async function verifyFiles(source: string, manifest: Manifest) {
	const damaged: string[] = [];
	for (const entry of [...manifest.tables, ...manifest.media]) {
		const file = path.join(source, entry.file);
		if (!fs.existsSync(file)) {
			damaged.push(`${entry.file} is missing`);
			continue;
		}
		const hash = createHash('sha256');
		let bytes = 0;
		for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
			hash.update(chunk);
			bytes += chunk.byteLength;
		}
		if (bytes !== entry.bytes || hash.digest('hex') !== entry.sha256) damaged.push(`${entry.file} does not match its checksum`);
	}
	if (damaged.length) {
		throw new BackupRefused(
			`The backup in ${source} is damaged: ${damaged.slice(0, 5).join('; ')}${damaged.length > 5 ? `; and ${damaged.length - 5} more` : ''}. Nothing was changed.`
		);
	}
}

/** The backup's migrations must be this code's first ones: the rows are loaded at that level. */
function checkMigrationLevel(manifest: Manifest, journal: ReturnType<typeof readJournal>) {
	const level = manifest.migrations.length;
	if (!level) throw new BackupRefused('The backup records no migration level.');
	if (level > journal.length) {
		throw new BackupRefused(
			`The backup comes from a newer version of the platform (migration level ${level}, this code knows ${journal.length}). Restore it with that version or a later one.`
		);
	}
	manifest.migrations.forEach((m, i) => {
		const mine = journal[i]!;
		if (m.createdAt !== mine.when || m.hash !== mine.hash) {
			throw new BackupRefused(
				`The backup's migration ${i + 1} (${m.tag ?? m.createdAt}) is not this code's ${mine.tag}: the backup comes from another line of development. Restore it with the version that made it.`
			);
		}
	});
}

/** Tables of the target that hold rows. */
async function rowsHeld(s: BulkSession) {
	const held: { name: string; rows: number }[] = [];
	for (const { name } of await listTables(s)) {
		const [row] = await s.query<{ rows: number }>(`select count(*)::int as rows from ${qualified(name)}`);
		if (row!.rows) held.push({ name, rows: row!.rows });
	}
	return held;
}

/** Drops what the migrations create in `public` (an extension's own objects stay) and drizzle's record of them. */
async function eraseSchema(s: BulkSession) {
	const own = notFromExtension;
	const relations = await s.query<{ name: string; kind: string }>(
		`select relname as name, relkind as kind from pg_class c where relnamespace = 'public'::regnamespace and relkind in ('v', 'm', 'r', 'p', 'f', 'S') and ${own('pg_class', 'c.oid')}`
	);
	const drop: Record<string, string> = { v: 'view', m: 'materialized view', r: 'table', p: 'table', f: 'foreign table', S: 'sequence' };
	for (const kind of ['v', 'm', 'p', 'r', 'f', 'S']) {
		for (const r of relations.filter((x) => x.kind === kind)) await s.query(`drop ${drop[kind]} if exists ${qualified(r.name)} cascade`);
	}
	const routines = await s.query<{ signature: string; kind: string }>(
		`select p.oid::regprocedure::text as signature, p.prokind as kind from pg_proc p where pronamespace = 'public'::regnamespace and ${own('pg_proc', 'p.oid')}`
	);
	for (const r of routines) await s.query(`drop ${r.kind === 'p' ? 'procedure' : r.kind === 'a' ? 'aggregate' : 'function'} if exists ${r.signature} cascade`);
	const types = await s.query<{ name: string; kind: string }>(
		`select t.typname as name, t.typtype as kind from pg_type t where typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd', 'r', 'm') and ${own('pg_type', 't.oid')}`
	);
	for (const t of types) await s.query(`drop ${t.kind === 'd' ? 'domain' : 'type'} if exists ${qualified(t.name)} cascade`);
	await s.query('drop schema if exists drizzle cascade');
}

/** Loads every table of the backup into the freshly migrated schema; returns the rows loaded. */
async function loadTables(s: BulkSession, source: string, manifest: Manifest, report: (line: string) => void) {
	const present = new Map((await listTables(s)).map((t) => [t.name, new Set(t.columns)]));
	for (const t of manifest.tables) {
		const columns = present.get(t.name);
		if (!columns) throw new Error(`Table ${t.name} of the backup does not exist at its migration level: was it made by hand?`);
		const missing = t.columns.filter((c) => !columns.has(c));
		if (missing.length) throw new Error(`Table ${t.name} has no column ${missing.join(', ')} at the backup's migration level.`);
	}
	const notInBackup = [...present.keys()].filter((name) => !manifest.tables.some((t) => t.name === name));
	if (notInBackup.length) report(`Tables not in the backup, left empty: ${notInBackup.join(', ')}.`);

	// A superuser (PGlite's, usually PostgreSQL's owner) loads with foreign keys and triggers off,
	// so references in circles load too; otherwise the reference order is enough for ours.
	const [role] = await s.query<{ superuser: boolean }>(`select current_setting('is_superuser') = 'on' as superuser`);
	if (role!.superuser) await s.query('set local session_replication_role = replica');
	const byName = new Map(manifest.tables.map((t) => [t.name, t]));
	let rows = 0;
	for (const name of await loadOrder(s, [...byName.keys()])) {
		const t = byName.get(name)!;
		// The tables' own triggers derive rows from others (a programme's country, the cases per
		// status): the backup holds what they made, so they stay off while it loads. The owner of
		// the tables (the role that migrated them) may switch them off without being a superuser.
		const holdTriggers = !role!.superuser;
		if (holdTriggers) await s.query(`alter table ${qualified(name)} disable trigger user`);
		if (t.rows) await s.copyIn(`copy ${qualified(name)} (${t.columns.map(ident).join(', ')})`, fs.createReadStream(path.join(source, t.file)));
		if (holdTriggers) await s.query(`alter table ${qualified(name)} enable trigger user`);
		const [count] = await s.query<{ rows: number }>(`select count(*)::int as rows from ${qualified(name)}`);
		if (count!.rows !== t.rows) throw new Error(`Table ${name}: ${count!.rows} rows loaded, the backup has ${t.rows}.`);
		rows += t.rows;
	}
	const sequences = new Set(await listSequences(s));
	for (const q of manifest.sequences) {
		if (!sequences.has(q.name)) {
			report(`Sequence ${q.name} of the backup does not exist here: skipped.`);
			continue;
		}
		await s.query(`select setval('${qualified(q.name).replace(/'/g, "''")}', $1::bigint, $2::boolean)`, [q.lastValue, q.isCalled]);
	}
	return rows;
}
