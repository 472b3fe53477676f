import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../boot/platform';
import { registerConfiguredJobs } from '../boot/registry';
import { openDatabase, type Database } from '../db/database';
import { seedGuides } from '../guides/guides.service';
import { backgroundJobs } from '../jobs/jobs';
import { uploadMedia } from '../media/media.service';
import { localStorage, s3Storage, type MediaStorage, type S3Settings } from '../media/storage';
import { motoBinary, startMoto } from '../testing/moto';
import { createNews, publishNews, saveNews } from '../news/news-editing.service';
import { readConfig } from '../platform/config';
import { createLogger } from '../platform/logger';
import { databaseUrl } from '../testing/template';
import { contextFor, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { postApplicantMessage, submitRequest } from '../welcome/cases.service';
import { files, PDF, welcomeSetting } from '../welcome/welcome.testkit';
import { backupJob, createBackup } from './backup';
import { listSequences, listTables, migrationsUpTo, qualified, readJournal } from './format';
import { BackupRefused, restoreBackup } from './restore';

const MIGRATIONS = path.resolve('drizzle');
const journal = readJournal(MIGRATIONS);
const folders: string[] = [];
const tmp = (name: string) => {
	folders.push(fs.mkdtempSync(path.join(os.tmpdir(), `welcome-${name}-`)));
	return folders.at(-1)!;
};
const template = inject('testTemplate');

let source: RunningPlatform;
beforeAll(async () => {
	source = await createTestPlatform();
	await seedGuides(source);
	await makeData(source);
}, 120_000);
afterAll(async () => {
	await source?.close();
	for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

/** Real data through the services: people, an institution and its welcome service, news with revisions, a case with a file, a photo. */
async function makeData(platform: RunningPlatform) {
	const { inst, pickup, me } = await welcomeSetting(platform);
	const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
	const news = await createNews(editor, inst.id, { slug: `open-day-${randomBytes(3).toString('hex')}`, title: { en: 'Open day', ru: 'День открытых дверей' }, summary: { en: 'Come.', ru: 'Приходите.' }, body: { en: 'With **tea**.' } });
	const { version } = await publishNews(editor, inst.id, news.id, { version: 1 });
	await saveNews(editor, inst.id, news.id, { slug: news.slug, title: { en: 'Open day moved', ru: 'Перенос' }, summary: { en: 'Later.', ru: 'Позже.' }, body: { en: 'Tabs\tand\nnew lines, back\\slashes, 你好.' } }, version);
	const request = await submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 926' }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }));
	await postApplicantMessage(me, request.id, { body: 'Is the driver waiting inside?' });
	const photo = new Uint8Array(await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2a6' } }).jpeg().toBuffer());
	await uploadMedia(editor, inst.id, { bytes: photo, name: 'campus.jpg' }, { en: 'Campus', ru: 'Кампус' });
}

/** A new, empty database (never migrated) of the kind the tests run on, or of `kind`. */
async function emptyDatabase(kind: 'pglite' | 'postgres' = template.kind): Promise<Database> {
	if (kind === 'pglite') return openDatabase({ dataDir: 'memory' });
	if (template.kind !== 'postgres') throw new Error('PostgreSQL needs TEST_DATABASE_URL');
	const name = `welcome_restore_${randomBytes(6).toString('hex')}`;
	const admin = postgres(template.serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const database = await openDatabase({ url: databaseUrl(template.serverUrl, name) });
	const close = database.close;
	database.close = async () => {
		await close();
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	};
	return database;
}

/** Every table's row count and a checksum of its rows (in any order), the sequences and the migration level. */
async function contents(database: Database) {
	return database.bulk('snapshot', async (s) => {
		const tables: Record<string, { rows: number; digest: string }> = {};
		for (const { name } of await listTables(s)) {
			const [row] = await s.query<{ rows: number; digest: string }>(
				`select count(*)::int as rows, coalesce(md5(string_agg(md5(x::text), '' order by md5(x::text))), '') as digest from ${qualified(name)} x`
			);
			tables[name] = row!;
		}
		const sequences: Record<string, string> = {};
		for (const name of await listSequences(s)) sequences[name] = (await s.query<{ v: string }>(`select last_value::text || ' ' || is_called::text as v from ${qualified(name)}`))[0]!.v;
		const migrations = await s.query(`select id, hash, created_at::text as created_at from drizzle.__drizzle_migrations order by id`);
		return { tables, sequences, migrations };
	});
}

/** Every stored file, byte for byte. */
async function storedFiles(media: MediaStorage) {
	const keys = await media.list();
	return Object.fromEntries(await Promise.all(keys.map(async (key) => [key, Buffer.from((await media.get(key))!).toString('base64')] as const)));
}

describe('backup and restore', () => {
	it('restores every row and every file into a new, empty database and storage', async () => {
		const dir = path.join(tmp('backup'), 'b');
		const manifest = await createBackup(source.database, source.media, dir, { migrationsDir: MIGRATIONS });
		expect(manifest.database.kind).toBe(source.database.kind);
		expect(manifest.migrations.map((m) => m.tag)).toEqual(journal.map((m) => m.tag));
		const rowsOf = (table: string) => manifest.tables.find((t) => t.name === table)?.rows ?? 0;
		for (const table of ['user', 'institution', 'news_item', 'content_revision', 'welcome_case', 'case_document', 'case_event', 'media_asset', 'audit_event', 'country_guide']) {
			expect(rowsOf(table), table).toBeGreaterThan(0);
		}
		expect(manifest.media.some((m) => m.key.startsWith('media/'))).toBe(true);
		expect(manifest.media.some((m) => m.key.startsWith('cases/'))).toBe(true);

		const database = await emptyDatabase();
		const media = localStorage(tmp('restored-media'));
		try {
			const restored = await restoreBackup(database, media, dir, { migrationsDir: MIGRATIONS });
			expect(restored).toMatchObject({ newerMigrations: 0, erasedRows: 0, otherFiles: 0 });
			const expected = await contents(source.database);
			expect(await contents(database)).toEqual(expected);
			expect(await storedFiles(media)).toEqual(await storedFiles(source.media));

			// The target now holds rows: restoring again needs --force, which erases them first.
			await expect(restoreBackup(database, media, dir, { migrationsDir: MIGRATIONS })).rejects.toThrow(/not empty: \d+ tables hold \d+ rows .*--force/);
			const said: string[] = [];
			const again = await restoreBackup(database, media, dir, { migrationsDir: MIGRATIONS, force: true, report: (line) => said.push(line) });
			expect(again.erasedRows).toBe(again.rows);
			expect(said.join('\n')).toMatch(/--force: erasing \d+ rows in \d+ tables/);
			expect(await contents(database)).toEqual(expected);
		} finally {
			await database.close();
		}
	}, 120_000);

	it('restores a backup of an older version into the current code, then runs the newer migrations', async () => {
		const level = journal.length - 1;
		const old = await emptyDatabase();
		const target = await emptyDatabase();
		try {
			const older = migrationsUpTo(MIGRATIONS, level);
			await old.migrate(older.dir);
			older.remove();
			await old.bulk('write', async (s) => {
				await s.query(`insert into "user" (id, name, email) values ('old-user', 'Айгерим Old', 'old@example.org')`);
				await s.query(`insert into institution (slug, short_name, name, country_code, city) values ('old-inst', 'OLD', '{"en": "Old University", "zh": "旧大学"}', 'KZ', '{"en": "Astana"}')`);
				await s.query(`insert into audit_event (entity_type, entity_id, action) values ('institution', 'old-inst', 'institution.create'), ('user', 'old-user', 'user.create')`);
			});
			const dir = path.join(tmp('backup-old'), 'b');
			const manifest = await createBackup(old, localStorage(tmp('old-media')), dir, { migrationsDir: MIGRATIONS });
			expect(manifest.migrations).toHaveLength(level);

			const restored = await restoreBackup(target, localStorage(tmp('new-media')), dir, { migrationsDir: MIGRATIONS });
			expect(restored.newerMigrations).toBe(1);
			const now = await contents(target);
			expect(now.migrations.map((m) => m.hash)).toEqual(journal.map((m) => m.hash));
			expect(now.tables.user!.rows).toBe(1);
			expect(now.tables.institution!.rows).toBe(1);
			expect(now.sequences.audit_event_id_seq).toBe('2 true');
			const [row] = await target.bulk('snapshot', (s) => s.query<{ name: string }>(`select name->>'zh' as name from institution where slug = 'old-inst'`));
			expect(row!.name).toBe('旧大学');
			// The identity column goes on after the restored rows.
			const [next] = await target.bulk('write', (s) => s.query<{ id: string }>(`insert into audit_event (entity_type, entity_id, action) values ('user', 'x', 'y') returning id::text as id`));
			expect(next!.id).toBe('3');
		} finally {
			await old.close();
			await target.close();
		}
	}, 120_000);

	it('refuses a damaged backup, or one from a newer version, and changes nothing', async () => {
		const dir = path.join(tmp('backup-damaged'), 'b');
		const manifest = await createBackup(source.database, source.media, dir, { migrationsDir: MIGRATIONS });
		const before = await contents(source.database);
		const variants: [string, (copy: string) => void, RegExp][] = [
			['a changed row', (copy) => fs.appendFileSync(path.join(copy, 'data/user.copy'), 'x'), /damaged: data\/user\.copy does not match its checksum\. Nothing was changed/],
			['a changed file', (copy) => fs.writeFileSync(path.join(copy, manifest.media[0]!.file), 'not the photo'), /damaged: media\/.* does not match its checksum/],
			['a missing table', (copy) => fs.rmSync(path.join(copy, 'data/institution.copy')), /damaged: data\/institution\.copy is missing/],
			['a broken manifest', (copy) => fs.writeFileSync(path.join(copy, 'manifest.json'), '{"format": "welcome-backup", '), /manifest\.json is not valid JSON/],
			[
				'a newer version',
				(copy) => {
					const m = JSON.parse(fs.readFileSync(path.join(copy, 'manifest.json'), 'utf8'));
					m.migrations.push({ hash: 'f'.repeat(64), createdAt: 9_999_999_999_999, tag: '9999_future' });
					fs.writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(m));
				},
				/newer version of the platform \(migration level \d+, this code knows \d+\)/
			]
		];
		for (const [what, damage, message] of variants) {
			const copy = path.join(tmp('damaged'), 'b');
			fs.cpSync(dir, copy, { recursive: true });
			damage(copy);
			// Even with --force: the backup is checked before the target is touched.
			const error = await restoreBackup(source.database, localStorage(tmp('untouched')), copy, { migrationsDir: MIGRATIONS, force: true }).catch((e: Error) => e);
			expect(error, what).toBeInstanceOf(BackupRefused);
			expect((error as Error).message, what).toMatch(message);
		}
		expect(await contents(source.database)).toEqual(before);
	}, 120_000);

	it('refuses to back up a database that was never migrated', async () => {
		const blank = await emptyDatabase();
		try {
			await expect(createBackup(blank, localStorage(tmp('blank')), path.join(tmp('blank-backup'), 'b'), { migrationsDir: MIGRATIONS })).rejects.toThrow(/never been migrated/);
		} finally {
			await blank.close();
		}
	}, 120_000);
});

describe('the scheduled backup', () => {
	it('is a background job only when BACKUP_DIR is set, and keeps the newest BACKUP_KEEP backups', async () => {
		const dir = tmp('backups');
		const config = readConfig({ BACKUP_DIR: dir, BACKUP_KEEP: '2', BACKUP_EVERY_HOURS: '12' });
		expect(config).toMatchObject({ backupDir: dir, backupKeep: 2, backupEveryHours: 12 });
		expect(readConfig({}).backupDir).toBeUndefined();
		registerConfiguredJobs(readConfig({}));
		expect(backgroundJobs().map((j) => j.name)).not.toContain('backup');
		registerConfiguredJobs(config);
		expect(backgroundJobs().find((j) => j.name === 'backup')?.everyMinutes).toBe(720);

		// It reads through the running server's own connection (so PGlite needs no stop).
		const job = backupJob(config);
		const platform = { ...source, config: { ...source.config, backupDir: dir, backupKeep: 2 } };
		const results = [];
		for (const hour of ['01', '13', '13', '23']) results.push(await job.run(platform, new Date(`2026-12-03T${hour}:00:00Z`)));
		expect(results[0]).toMatchObject({ tables: expect.any(Number), rows: expect.any(Number), mediaFiles: expect.any(Number), removed: 0 });
		expect(results[3]!.removed).toBe(1);
		expect(fs.readdirSync(dir).sort()).toEqual(['welcome-2026-12-03T13-00-00Z-2', 'welcome-2026-12-03T23-00-00Z']);
		expect(fs.existsSync(path.join(dir, 'welcome-2026-12-03T23-00-00Z', 'manifest.json'))).toBe(true);
	});
});

// From the embedded database to PostgreSQL and back: the documented way to move.
describe.skipIf(template.kind !== 'postgres')('moving between PGlite and PostgreSQL', () => {
	let pglite: RunningPlatform;
	beforeAll(async () => {
		const config = readConfig({ NODE_ENV: 'test', ORIGIN: 'http://localhost:3999', AUTH_SECRET: 'test-secret-that-is-long-enough-0123456789', SEED_DEMO: 'false', DATA_DIR: tmp('pglite-source') });
		pglite = await startPlatform(config, { logger: createLogger('pretty', {}, 'error'), dataDir: 'memory' });
		await seedGuides(pglite);
		await makeData(pglite);
	}, 120_000);
	afterAll(async () => pglite?.close());

	it('restores a PGlite backup into PostgreSQL, and that one back into PGlite, with every row and file', async () => {
		const first = path.join(tmp('from-pglite'), 'b');
		await createBackup(pglite.database, pglite.media, first, { migrationsDir: MIGRATIONS });
		const expected = await contents(pglite.database);
		const files = await storedFiles(pglite.media);

		const server = await emptyDatabase('postgres');
		const serverMedia = localStorage(tmp('pg-media'));
		const embedded = await emptyDatabase('pglite');
		const embeddedMedia = localStorage(tmp('pglite-media'));
		try {
			await restoreBackup(server, serverMedia, first, { migrationsDir: MIGRATIONS });
			expect(await contents(server)).toEqual(expected);
			expect(await storedFiles(serverMedia)).toEqual(files);

			const second = path.join(tmp('from-postgres'), 'b');
			expect((await createBackup(server, serverMedia, second, { migrationsDir: MIGRATIONS })).database.kind).toBe('postgres');
			await restoreBackup(embedded, embeddedMedia, second, { migrationsDir: MIGRATIONS });
			expect(await contents(embedded)).toEqual(expected);
			expect(await storedFiles(embeddedMedia)).toEqual(files);
		} finally {
			await server.close();
			await embedded.close();
		}
	}, 120_000);
});

describe.skipIf(template.kind !== 'postgres')('a restore by the database owner who is not a superuser', () => {
	it('loads what the tables’ triggers derived (a programme’s country, the cases per status) once, as it was', async () => {
		if (template.kind !== 'postgres') return;
		const dir = path.join(tmp('owner-backup'), 'b');
		await createBackup(source.database, source.media, dir, { migrationsDir: MIGRATIONS });
		const suffix = randomBytes(6).toString('hex');
		const [role, name] = [`welcome_owner_${suffix}`, `welcome_owned_${suffix}`];
		const admin = postgres(template.serverUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create role ${role} login nosuperuser`);
		await admin.unsafe(`create database ${name} owner ${role}`);
		const url = new URL(databaseUrl(template.serverUrl, name));
		url.username = role;
		const database = await openDatabase({ url: url.toString() });
		try {
			await restoreBackup(database, localStorage(tmp('owner-media')), dir, { migrationsDir: MIGRATIONS });
			expect(await contents(database)).toEqual(await contents(source.database));
		} finally {
			await database.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.unsafe(`drop role if exists ${role}`);
			await admin.end();
		}
	}, 120_000);
});

describe.skipIf(!motoBinary)('files in an S3 bucket', () => {
	let moto: Awaited<ReturnType<typeof startMoto>>;
	let settings: S3Settings;
	beforeAll(async () => {
		moto = await startMoto('welcome-restored');
		settings = moto.settings;
	}, 30_000);
	afterAll(() => moto?.stop());

	it('are put back into the bucket, and backed up from it the same', async () => {
		const first = path.join(tmp('to-s3'), 'b');
		const made = await createBackup(source.database, source.media, first, { migrationsDir: MIGRATIONS });
		const bucket = s3Storage(settings);
		const database = await emptyDatabase();
		try {
			await restoreBackup(database, bucket, first, { migrationsDir: MIGRATIONS });
			expect(await storedFiles(bucket)).toEqual(await storedFiles(source.media));
			const second = await createBackup(database, bucket, path.join(tmp('from-s3'), 'b'), { migrationsDir: MIGRATIONS });
			expect(second.media).toEqual(made.media);
			expect(second.tables).toEqual(made.tables);
		} finally {
			await database.close();
		}
	}, 120_000);
});
