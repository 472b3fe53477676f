import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import type { MailTransport } from '../mail/mailer';
import type { Clock } from '../platform/clock';
import { readConfig } from '../platform/config';
import { createLogger } from '../platform/logger';
import { startPlatform, type RunningPlatform } from '../boot/platform';
import { databaseUrl } from './template';

/**
 * A platform on a database of its own, for one test file: an in-memory PGlite opened from the
 * migrated template by default, or a PostgreSQL database copied from the template database
 * when TEST_DATABASE_URL points at a server (see `global-setup.ts`). Migrations still run at
 * start, as on a server, and find nothing to do.
 */
export async function createTestPlatform(options: { mailTransport?: MailTransport; clock?: Clock; env?: Record<string, string> } = {}): Promise<RunningPlatform> {
	const template = inject('testTemplate');
	const config = readConfig({
		NODE_ENV: 'test',
		ORIGIN: 'http://localhost:3999',
		AUTH_SECRET: 'test-secret-that-is-long-enough-0123456789',
		SEED_DEMO: 'false',
		LOG_LEVEL: 'error',
		// Uploaded files of this test file only.
		DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'welcome-test-')),
		...options.env
	});
	const logger = createLogger('pretty', {}, 'error');
	if (template.kind === 'pglite') {
		const loadDataDir = new Blob([fs.readFileSync(template.file)]);
		return startPlatform(config, { logger, dataDir: 'memory', loadDataDir, mailTransport: options.mailTransport, clock: options.clock });
	}

	const name = `welcome_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(template.serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name} template ${template.database}`);
	const platform = await startPlatform({ ...config, databaseUrl: databaseUrl(template.serverUrl, name) }, { logger, mailTransport: options.mailTransport, clock: options.clock });
	const close = platform.close;
	platform.close = async () => {
		await close();
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	};
	return platform;
}
