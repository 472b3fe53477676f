import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { childPids } from '../../scripts/bench/http';
import { signIn } from './helpers';

// The production server on PostgreSQL with two workers behind one port (scripts/serve.js →
// serve-cluster.js), on a database of its own. `npm test` runs the end-to-end tests beside a
// throwaway PostgreSQL server (TEST_DATABASE_URL); without one this file is skipped.
const adminUrl = process.env.TEST_DATABASE_URL;
test.skip(!adminUrl, 'needs PostgreSQL: TEST_DATABASE_URL (npm test starts one)');
test.describe.configure({ mode: 'serial' });

const port = Number(process.env.E2E_PORT ?? 4173) + 20;
const base = `http://localhost:${port}`;
let server: ChildProcess;
let databaseUrl: string;

/** A GET on a new connection each time, so that the cluster hands it to the next worker. */
function fetchFresh(pathname: string) {
	return new Promise<{ status: number; body: string }>((resolve, reject) => {
		http
			.get(`${base}${pathname}`, { agent: false }, (res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (body += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
			})
			.on('error', reject);
	});
}

async function waitFor(check: () => boolean | Promise<boolean>, seconds: number, what: string) {
	const deadline = Date.now() + seconds * 1000;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`not within ${seconds} s: ${what}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

test.beforeAll(async () => {
	test.setTimeout(120_000);
	const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
	await admin.unsafe('drop database if exists welcome_e2e_cluster with (force)');
	await admin.unsafe('create database welcome_e2e_cluster');
	await admin.end();
	const url = new URL(adminUrl!);
	url.pathname = '/welcome_e2e_cluster';
	databaseUrl = url.toString();
	fs.mkdirSync('.tmp', { recursive: true });
	const log = fs.openSync('.tmp/e2e-cluster.log', 'w');
	// A long micro-cache: a worker that missed an edit would show the old page for minutes.
	server = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, PORT: String(port), ORIGIN: base, DATABASE_URL: databaseUrl, WEB_CONCURRENCY: '2', PAGE_CACHE_TTL_MS: '600000', LOG_LEVEL: 'warn' },
		stdio: ['ignore', log, log]
	});
	// The first worker answers alone while the second starts; the primary says when both listen.
	await waitFor(() => fs.readFileSync('.tmp/e2e-cluster.log', 'utf8').includes('with 2 workers'), 90, 'both workers listen (see .tmp/e2e-cluster.log)');
});

test.afterAll(async () => {
	if (!server) return;
	const exited = new Promise((r) => server.once('exit', r));
	server.kill('SIGTERM');
	await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
	if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
});

test('two workers serve one port, and an edit saved on one shows at once on every worker', async ({ browser }) => {
	expect(childPids(server.pid!)).toHaveLength(2);
	// Ten connections: the cluster deals them out in turn, so both workers cache the page.
	for (let i = 0; i < 10; i++) expect((await fetchFresh('/en/institutions/enu')).body).toContain('Astana');

	const city = `Astana ${Date.now().toString(36)}`;
	const context = await browser.newContext({ baseURL: base });
	const page = await context.newPage();
	await signIn(page, 'enu.admin@demo.welcome.test');
	await page.goto('/en/workspace/enu/profile');
	await page.locator('#city-en').fill(city);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved', { exact: false }).first()).toBeVisible();
	await context.close();

	for (let i = 0; i < 10; i++) expect((await fetchFresh('/en/institutions/enu')).body, `request ${i + 1}`).toContain(city);
});

test('a worker killed with SIGKILL is replaced, and a rolling restart (SIGHUP) refuses no request', async () => {
	test.setTimeout(90_000);
	const [victim, survivor] = childPids(server.pid!);
	process.kill(victim!, 'SIGKILL');
	// A connection the primary handed to the worker as it died is lost with it; the next ones are not.
	await waitFor(() => !childPids(server.pid!).includes(victim!), 10, 'the killed worker is gone');
	for (let i = 0; i < 4; i++) expect((await fetchFresh('/en')).status).toBe(200);
	await waitFor(() => childPids(server.pid!).length === 2 && !childPids(server.pid!).includes(victim!), 30, 'a new worker replaces the killed one');
	expect(childPids(server.pid!)).toContain(survivor);

	const before = childPids(server.pid!);
	let stop = false;
	const failures: string[] = [];
	let answered = 0;
	const traffic = (async () => {
		while (!stop) {
			const result = await fetchFresh('/en/institutions/tongji').catch((err: Error) => ({ status: 0, body: err.message }));
			if (result.status === 200) answered++;
			else failures.push(`${result.status} ${result.body.slice(0, 80)}`);
		}
	})();
	process.kill(server.pid!, 'SIGHUP');
	await waitFor(() => {
		const now = childPids(server.pid!);
		return now.length === 2 && now.every((pid) => !before.includes(pid));
	}, 60, 'both workers replaced');
	stop = true;
	await traffic;
	expect(failures).toEqual([]);
	expect(answered).toBeGreaterThan(10);
});

test('background jobs run once, though every worker runs the scheduler', async () => {
	const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		// The scheduler's first look is 5 s after a worker starts; the hourly jobs are due then.
		await waitFor(async () => (await db`select count(*)::int as n from job_run where job = 'arrival_reminders'`)[0]!.n > 0, 30, 'the reminder job ran');
		await new Promise((r) => setTimeout(r, 6_000));
		const runs = await db`select job, count(*)::int as n from job_run where job in ('arrival_reminders', 'personal_data_retention') group by job order by job`;
		expect(runs.map((r) => `${r.job}: ${r.n}`)).toEqual(['arrival_reminders: 1', 'personal_data_retention: 1']);
	} finally {
		await db.end();
	}
});
