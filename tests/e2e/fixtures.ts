import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';

// E2E_PORT: the first worker's port (another one when 4173 is taken); worker n listens on E2E_PORT + n.
const FIRST_PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * Every Playwright worker runs its own server on its own fresh database with the demo data, as
 * `npm start` would: journeys that change demo accounts and records never meet another
 * worker's, so the suite runs on as many workers as the machine has cores (playwright.config.ts).
 * A worker's files still run one after another on its server.
 */
export const test = base.extend<{ port: number }, { server: { url: string; port: number } }>({
	server: [
		// eslint-disable-next-line no-empty-pattern
		async ({}, use, workerInfo) => {
			const port = FIRST_PORT + workerInfo.workerIndex;
			const dataDir = `.tmp/e2e-worker-${workerInfo.workerIndex}`;
			fs.rmSync(dataDir, { recursive: true, force: true });
			fs.mkdirSync(dataDir, { recursive: true });
			const log = fs.openSync(`${dataDir}.log`, 'w');
			const url = `http://localhost:${port}`;
			const child: ChildProcess = spawn(process.execPath, ['scripts/serve.js'], {
				env: { ...process.env, PORT: String(port), ORIGIN: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', EWP_REGISTRY_URL: `file://${path.resolve(dataDir)}/ewp-catalogue.xml` },
				stdio: ['ignore', log, log]
			});
			const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
			const deadline = Date.now() + 180_000;
			for (;;) {
				const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
				if (ready) break;
				if (child.exitCode !== null) throw new Error(`the server for worker ${workerInfo.workerIndex} exited (${child.exitCode}); see ${dataDir}.log`);
				if (Date.now() > deadline) throw new Error(`the server for worker ${workerInfo.workerIndex} was not ready in 180 s; see ${dataDir}.log`);
				await new Promise((r) => setTimeout(r, 250));
			}
			await use({ url, port });
			child.kill('SIGTERM');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
			if (child.exitCode === null) child.kill('SIGKILL');
			fs.closeSync(log);
		},
		{ scope: 'worker', timeout: 200_000 }
	],
	baseURL: async ({ server }, use) => use(server.url),
	port: async ({ server }, use) => use(server.port)
});

export { expect };
