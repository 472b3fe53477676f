import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { readConfig } from '../platform/config';
import { createLogger } from '../platform/logger';
import { startPlatform, type RunningPlatform } from '../platform/platform';

/**
 * A platform on a database of its own, for one test file: in-memory PGlite by default, or a
 * fresh PostgreSQL database when TEST_DATABASE_URL points at a server (the database named
 * there is only used to create and drop the per-file ones).
 */
export async function createTestPlatform(): Promise<RunningPlatform> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	const config = readConfig({
		NODE_ENV: 'test',
		ORIGIN: 'http://localhost:3999',
		AUTH_SECRET: 'test-secret-that-is-long-enough-0123456789',
		SEED_DEMO: 'false',
		LOG_LEVEL: 'error',
		// Uploaded files of this test file only.
		DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'welcome-test-'))
	});
	const logger = createLogger('pretty', {}, 'error');
	if (!serverUrl) return startPlatform(config, { logger, dataDir: 'memory' });

	const name = `welcome_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const platform = await startPlatform({ ...config, databaseUrl: url.toString() }, { logger });
	const close = platform.close;
	platform.close = async () => {
		await close();
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	};
	return platform;
}
