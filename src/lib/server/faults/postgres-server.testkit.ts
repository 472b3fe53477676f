import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL server of a test's own, which the test may stop and start under a running
 * platform. Finds the server binaries as scripts/with-postgres.sh does (pg_config, then
 * /usr/lib/postgresql/<version>/bin, the newest winning); as root, runs them as `postgres`.
 */
export function postgresBinDir(): string | null {
	const candidates: string[] = [];
	try {
		candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
	} catch {
		// No pg_config: look where Debian puts the server.
	}
	const debian = '/usr/lib/postgresql';
	if (fs.existsSync(debian))
		candidates.push(
			...fs
				.readdirSync(debian)
				.sort((a, b) => Number(a) - Number(b))
				.map((version) => path.join(debian, version, 'bin'))
		);
	const found = candidates.filter((dir) => dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')));
	return found.at(-1) ?? null;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export interface ThrowawayPostgres {
	url: string;
	start(): Promise<void>;
	/** `fast`: sessions are ended and rolled back, then a checkpoint; `immediate`: no checkpoint, crash recovery at the next start. */
	stop(mode: 'fast' | 'immediate'): Promise<void>;
	remove(): Promise<void>;
}

export async function startThrowawayPostgres(bin: string): Promise<ThrowawayPostgres> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcome-pg-restart-'));
	const data = path.join(dir, 'data');
	const asRoot = process.getuid?.() === 0;
	if (asRoot) {
		// initdb refuses to run as root: the server runs as postgres, from a folder it can read.
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
		fs.chownSync(dir, uid, gid);
	}
	const pg = async (command: string, args: string[]) => {
		const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
		await run(file, argv as string[], { cwd: '/' });
	};
	const port = await freePort();
	await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
	const start = () => pg('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
	await start();
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		start,
		stop: (mode) => pg('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']),
		remove: async () => {
			await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}
