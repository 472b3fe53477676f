import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '../db/database';

/**
 * The migrated, empty database every integration test file starts from, made once per run by
 * vitest's global set-up: a dumped PGlite data directory, or a PostgreSQL template database.
 * Each file then opens a copy instead of running every migration again (that was about six
 * seconds a file).
 */
export type TestTemplate = { kind: 'pglite'; file: string } | { kind: 'postgres'; serverUrl: string; database: string };

export async function createTestTemplate(migrationsDir: string): Promise<{ template: TestTemplate; remove(): Promise<void> }> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (!serverUrl) {
		const database = await openDatabase({ dataDir: 'memory' });
		await database.migrate(migrationsDir);
		const archive = await database.dump!();
		await database.close();
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcome-template-'));
		const file = path.join(dir, 'pglite.tar');
		fs.writeFileSync(file, Buffer.from(await archive.arrayBuffer()));
		return { template: { kind: 'pglite', file }, remove: async () => fs.rmSync(dir, { recursive: true, force: true }) };
	}
	const name = `welcome_template_${randomBytes(6).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const database = await openDatabase({ url: databaseUrl(serverUrl, name) });
	await database.migrate(migrationsDir);
	// A template is copied only while no one is connected to it.
	await database.close();
	return {
		template: { kind: 'postgres', serverUrl, database: name },
		remove: async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

/** The address of database `name` on the server at `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string) {
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return url.toString();
}
