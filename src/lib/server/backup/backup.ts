import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { databaseOf, type Database } from '../db/database';
import type { Job } from '../jobs/jobs';
import type { MediaStorage } from '../media/storage';
import type { Config } from '../platform/config';
import {
	appliedMigrations,
	eachLimited,
	FORMAT,
	FORMAT_VERSION,
	listSequences,
	listTables,
	mediaFile,
	PLAIN_NAME,
	qualified,
	ident,
	readJournal,
	sha256,
	tableFile,
	type Manifest
} from './format';

/**
 * Writes a backup of the database and the stored files to the folder `target` (which must not
 * exist yet, or be empty). Every table is read in one repeatable-read transaction, so the rows
 * are one moment's even while the app writes; the files are copied after that. The folder
 * appears under its name only when complete (it is written as `<target>.partial` first).
 */
export async function createBackup(database: Database, media: MediaStorage, target: string, options: { migrationsDir: string; now?: Date }): Promise<Manifest> {
	target = path.resolve(target);
	if (fs.existsSync(target) && fs.readdirSync(target).length) throw new Error(`${target} already exists and is not empty: name a new folder for the backup.`);
	const partial = `${target}.partial`;
	fs.rmSync(partial, { recursive: true, force: true });
	fs.mkdirSync(path.join(partial, 'data'), { recursive: true });
	try {
		const known = new Map(readJournal(options.migrationsDir).map((m) => [m.when, m.tag]));
		const { version, migrations, tables, sequences } = await database.bulk('snapshot', async (s) => {
			const migrations = await appliedMigrations(s);
			if (!migrations.length) throw new Error('The database has never been migrated: there is nothing to back up.');
			const tables: Manifest['tables'] = [];
			for (const { name, columns } of await listTables(s)) {
				if (!PLAIN_NAME.test(name)) throw new Error(`Table "${name}" has a name the backup format does not take (lower-case letters, digits and _).`);
				const counted = await writeCounted(path.join(partial, tableFile(name)), s.copyOut(`copy ${qualified(name)} (${columns.map(ident).join(', ')})`));
				tables.push({ name, columns, rows: counted.lines, file: tableFile(name), bytes: counted.bytes, sha256: counted.sha256 });
			}
			// Read after the rows: a sequence is never behind the rows it numbered.
			const sequences: Manifest['sequences'] = [];
			for (const name of await listSequences(s)) {
				const [value] = await s.query<{ last_value: string; is_called: boolean }>(`select last_value::text as last_value, is_called from ${qualified(name)}`);
				sequences.push({ name, lastValue: value!.last_value, isCalled: value!.is_called });
			}
			const [server] = await s.query<{ version: string }>(`select current_setting('server_version') as version`);
			return { version: server!.version, migrations, tables, sequences };
		});

		const entries: Manifest['media'] = [];
		await eachLimited(await media.list(), 4, async (key) => {
			const body = await media.get(key);
			// Deleted since it was listed: no longer part of the platform.
			if (!body) return;
			const file = path.join(partial, mediaFile(key));
			await fsp.mkdir(path.dirname(file), { recursive: true });
			await fsp.writeFile(file, body);
			entries.push({ key, file: mediaFile(key), bytes: body.byteLength, sha256: sha256(body) });
		});
		entries.sort((a, b) => (a.key < b.key ? -1 : 1));

		const manifest: Manifest = {
			format: FORMAT,
			version: FORMAT_VERSION,
			createdAt: (options.now ?? new Date()).toISOString(),
			database: { kind: database.kind, version },
			migrations: migrations.map((m) => ({ ...m, tag: known.get(m.createdAt) ?? null })),
			tables,
			sequences,
			media: entries
		};
		fs.writeFileSync(path.join(partial, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
		fs.rmSync(target, { recursive: true, force: true });
		fs.renameSync(partial, target);
		return manifest;
	} catch (err) {
		fs.rmSync(partial, { recursive: true, force: true });
		throw err;
	}
}

/** Streams COPY's output into `file`: its size, checksum and rows (one line each in the text format). */
async function writeCounted(file: string, chunks: AsyncIterable<Uint8Array>) {
	const hash = createHash('sha256');
	let bytes = 0;
	let lines = 0;
	await pipeline(
		chunks,
		async function* (source: AsyncIterable<Uint8Array>) {
			for await (const chunk of source) {
				hash.update(chunk);
				bytes += chunk.byteLength;
				for (const byte of chunk) if (byte === 10) lines++;
				yield chunk;
			}
		},
		fs.createWriteStream(file)
	);
	return { bytes, lines, sha256: hash.digest('hex') };
}

/** welcome-2026-12-03T02-00-00Z: sorts by time, and is a valid file name everywhere. */
export const backupName = (at: Date) => `welcome-${at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}`;

/** A new folder name for a backup made at `at` in `dir` (welcome-<time>, or welcome-<time>-2, …). */
export function newBackupPath(dir: string, at: Date) {
	const base = path.join(dir, backupName(at));
	let candidate = base;
	for (let n = 2; fs.existsSync(candidate) || fs.existsSync(`${candidate}.partial`); n++) candidate = `${base}-${n}`;
	return candidate;
}

/** Keeps the newest `keep` complete backups in `dir` (welcome-*), and clears half-written ones over a day old. */
export function pruneBackups(dir: string, keep: number, now = new Date()) {
	const entries = fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name.startsWith('welcome-')) : [];
	const complete = entries
		.filter((e) => !e.name.endsWith('.partial') && fs.existsSync(path.join(dir, e.name, 'manifest.json')))
		.map((e) => e.name)
		.sort()
		.reverse();
	let removed = 0;
	for (const name of complete.slice(keep)) {
		fs.rmSync(path.join(dir, name), { recursive: true, force: true });
		removed++;
	}
	for (const e of entries.filter((e) => e.name.endsWith('.partial'))) {
		const full = path.join(dir, e.name);
		if (now.getTime() - fs.statSync(full).mtimeMs > 24 * 3_600_000) fs.rmSync(full, { recursive: true, force: true });
	}
	return removed;
}

/**
 * The scheduled backup of a running server (registered at boot when BACKUP_DIR is set): the
 * way to back up PGlite without stopping the server, as it reads through the server's own
 * connection. Writes BACKUP_DIR/welcome-<time>/ and keeps the newest BACKUP_KEEP.
 */
export function backupJob(config: Pick<Config, 'backupEveryHours'>): Job {
	return {
		name: 'backup',
		everyMinutes: Math.max(1, Math.round(config.backupEveryHours * 60)),
		async run(platform, now): Promise<Record<string, number>> {
			const dir = platform.config.backupDir;
			if (!dir) return { skipped: 1 };
			fs.mkdirSync(dir, { recursive: true });
			const manifest = await createBackup(databaseOf(platform.db), platform.media, newBackupPath(dir, now), { migrationsDir: platform.config.migrationsDir, now });
			const removed = pruneBackups(dir, platform.config.backupKeep, now);
			return { tables: manifest.tables.length, rows: manifest.tables.reduce((n, t) => n + t.rows, 0), mediaFiles: manifest.media.length, removed };
		}
	};
}
