// npm run backup [-- <folder>]  |  npm run restore -- <backup folder> [--force]
// The database (PGlite in DATA_DIR/pglite, or PostgreSQL at DATABASE_URL) and the stored files
// (DATA_DIR/media, or the MEDIA_S3_* bucket) as the configuration names them. docs/operations.md.
import fs from 'node:fs';
import path from 'node:path';
import { createBackup, newBackupPath } from '../src/lib/server/backup/backup';
import { BackupRefused, restoreBackup } from '../src/lib/server/backup/restore';
import { openDatabase } from '../src/lib/server/db/database';
import { configuredStorage } from '../src/lib/server/media/storage';
import { readConfig } from '../src/lib/server/platform/config';

const USAGE = `usage:
  npm run backup [-- <folder>]                  back up into <folder> (default: $BACKUP_DIR or ./backups, as welcome-<time>)
  npm run restore -- <backup folder> [--force]  restore into an empty database (--force: erase the target's data first)`;

const [command, ...args] = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const folders = args.filter((a) => !a.startsWith('--'));
const valid = (command === 'backup' && folders.length <= 1 && !flags.length) || (command === 'restore' && folders.length === 1 && flags.every((f) => f === '--force'));
if (!valid) {
	console.error(USAGE);
	process.exit(2);
}

const config = readConfig();
const pgliteDir = path.join(config.dataDir, 'pglite');
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${pgliteDir}`;
const storage = config.mediaS3 ? `bucket ${config.mediaS3.bucket} at ${config.mediaS3.endpoint}` : path.join(config.dataDir, 'media');
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

try {
	if (command === 'backup' && !config.databaseUrl && !fs.existsSync(pgliteDir)) {
		throw new BackupRefused(`There is no embedded database in ${pgliteDir}: set DATA_DIR to the server's, or DATABASE_URL for PostgreSQL.`);
	}
	const database = await openDatabase({ url: config.databaseUrl, dataDir: pgliteDir });
	try {
		const media = configuredStorage(config);
		if (command === 'backup') {
			const target = path.resolve(folders[0] ?? newBackupPath(config.backupDir ?? path.resolve('backups'), new Date()));
			fs.mkdirSync(path.dirname(target), { recursive: true });
			const m = await createBackup(database, media, target, { migrationsDir: config.migrationsDir });
			const rows = m.tables.reduce((n, t) => n + t.rows, 0);
			const bytes = [...m.tables, ...m.media].reduce((n, e) => n + e.bytes, 0);
			console.log(`Backed up ${where} and the files in ${storage}`);
			console.log(`to ${target}:`);
			console.log(`  ${m.tables.length} tables, ${rows} rows; ${m.media.length} files; ${mb(bytes)} in all`);
			console.log(`  migration level ${m.migrations.length} (${m.migrations.at(-1)!.tag ?? 'unknown to this code'})`);
		} else {
			const source = path.resolve(folders[0]!);
			console.log(`Restoring ${source} into ${where} and ${storage}`);
			const r = await restoreBackup(database, media, source, { migrationsDir: config.migrationsDir, force: flags.includes('--force'), report: (line) => console.log(`  ${line}`) });
			console.log(`Restored the backup made ${r.manifest.createdAt} on ${r.manifest.database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} ${r.manifest.database.version}:`);
			console.log(`  ${r.manifest.tables.length} tables, ${r.rows} rows; ${r.manifest.media.length} files`);
		}
	} finally {
		await database.close();
	}
} catch (err) {
	const error = err as Error;
	console.error(`${command} failed: ${error.message}`);
	if (!(err instanceof BackupRefused) && !/in use by process/.test(error.message) && error.stack) console.error(error.stack.split('\n').slice(1).join('\n'));
	process.exit(1);
}
