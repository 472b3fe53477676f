// npm run load — the soak test: a working day compressed into minutes. Anonymous visitors browse
// and search (many distinct addresses, so most miss every cache), 50 signed-in students use their
// welcome space and 20 staff work the case queue, each at a fixed arrival rate, for LOAD_MINUTES
// (3) on each database (PGlite; PostgreSQL with a worker per core when its binaries are here).
// Reports p50/p99 per request type and the server's memory every 10 s; fails on any error, and
// when memory keeps growing after the first minute (more than LOAD_MAX_GROWTH_MB, 60).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { createVerifiedUser } from '../src/lib/server/auth/accounts.service';
import { startPlatform } from '../src/lib/server/boot/platform';
import { seedMemberships } from '../src/lib/server/institutions/institutions.seed';
import { institutionDirectory } from '../src/lib/server/institutions/institutions.views';
import { readConfig } from '../src/lib/server/platform/config';
import { createLogger } from '../src/lib/server/platform/logger';
import { saveOwnProfile } from '../src/lib/server/welcome/incoming.service';
import { loadActor } from '../src/lib/server/institutions/actor';
import { residentMemory, signInCookie, startServer, stopProcess } from './bench/http';
import { eq } from 'drizzle-orm';

const MINUTES = Number(process.env.LOAD_MINUTES ?? 3);
const MAX_GROWTH_MB = Number(process.env.LOAD_MAX_GROWTH_MB ?? 60);
const PASSWORD = 'welcome-demo-2026';
const STUDENTS = 50;
const STAFF = 20;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'welcome-load-'));
const logger = createLogger('pretty', {}, 'warn');

/** Demo data, and the students and staff who will sign in. */
async function prepare(dataDir: string, databaseUrl?: string) {
	const config = { ...readConfig({ ...process.env, DATA_DIR: dataDir, SEED_DEMO: 'true', DEMO_PASSWORD: PASSWORD }), databaseUrl };
	const platform = await startPlatform(config, { logger, prepare: true });
	const [enu] = await platform.db.select({ id: institutionDirectory.id }).from(institutionDirectory).where(eq(institutionDirectory.slug, 'enu'));
	const staff: string[] = [];
	const students: string[] = [];
	for (let i = 0; i < STAFF; i++) {
		const email = `load-staff-${i}@load.test`;
		const created = await createVerifiedUser(platform, { email, name: `Staff ${i}`, password: PASSWORD });
		await seedMemberships(platform, [{ institutionId: enu!.id, userId: created.id, role: 'staff' }]);
		staff.push(email);
	}
	for (let i = 0; i < STUDENTS; i++) {
		const email = `load-student-${i}@load.test`;
		const created = await createVerifiedUser(platform, { email, name: `Student ${i}`, password: PASSWORD, personKind: 'student' });
		const actor = await loadActor(platform.db, { id: created.id, email, platformRole: null } as never);
		await saveOwnProfile({ ...platform, actor, requestId: null, locale: 'en' }, { kind: 'student', institution: 'enu', nationality: 'IN', arrivalDate: '2027-08-28', stayEnd: '2028-07-01', housing: 'off_campus', version: '0' });
		students.push(email);
	}
	await platform.close();
	return { staff, students };
}

/** Anonymous visitors: institutions, guides, news and many distinct finder and search queries. */
function anonymousPaths() {
	const paths = ['/en', '/ru', '/zh', '/kk', '/en/institutions', '/en/institutions/enu', '/zh/institutions/tongji', '/ru/countries/kz', '/zh/countries/cn', '/en/scholarships', '/en/news', '/en/events'];
	const levels = ['', 'bachelor', 'master', 'doctoral'];
	const countries = ['', 'KZ', 'CN', 'FR', 'ES'];
	for (const level of levels) for (const country of countries) for (const sort of ['', 'tuition', 'title']) paths.push(`/en/programmes?level=${level}&country=${country}&sort=${sort}`);
	for (const q of ['visa', 'engineering', 'registration', 'стипендия', '签证', 'Astana', 'housing', 'medicine']) paths.push(`/en/search?q=${encodeURIComponent(q)}`);
	return paths;
}

interface Scenario {
	name: string;
	connections: number;
	rate: number;
	paths: string[];
	cookies?: string[];
}

function run(base: string, scenario: Scenario, seconds: number) {
	let next = 0;
	return autocannon({
		url: base,
		connections: scenario.connections,
		overallRate: scenario.rate,
		duration: seconds,
		headers: { 'accept-encoding': 'br, gzip' },
		requests: [
			{
				// Each request: the next address of the list; a signed-in connection keeps its person.
				setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
					if (scenario.cookies && context.cookie === undefined) context.cookie = scenario.cookies[next % scenario.cookies.length];
					const pathname = scenario.paths[next++ % scenario.paths.length]!;
					return { ...request, path: pathname, headers: { ...(request.headers as object), ...(context.cookie ? { cookie: context.cookie as string } : {}) } };
				}
			}
		]
	});
}

async function soak(label: string, env: Record<string, string>, people: { staff: string[]; students: string[] }, port: number) {
	const server = await startServer(port, env);
	const base = `http://localhost:${port}`;
	const staffCookies = await Promise.all(people.staff.map((email) => signInCookie(base, email)));
	const studentCookies: string[] = [];
	for (const email of people.students) studentCookies.push(await signInCookie(base, email));
	const scenarios: Scenario[] = [
		{ name: 'anonymous visitors (pages, finder, search)', connections: 20, rate: 40, paths: anonymousPaths() },
		{ name: '50 students in their space', connections: STUDENTS, rate: 15, paths: ['/en/my', '/en/my/profile', '/ru/my', '/en/account'], cookies: studentCookies },
		{ name: '20 staff working the queue', connections: STAFF, rate: 8, paths: ['/en/workspace/enu/cases', '/en/workspace/enu/cases?status=all', '/en/workspace/enu', '/en/workspace/enu/cases?overdue=1'], cookies: staffCookies }
	];
	const samples: { at: number; mb: number }[] = [];
	const started = Date.now();
	const timer = setInterval(() => {
		const m = residentMemory(server.pid!);
		samples.push({ at: Math.round((Date.now() - started) / 1000), mb: m.main + m.workers.reduce((a, b) => a + b, 0) });
	}, 10_000);
	const results = await Promise.all(scenarios.map((s) => run(base, s, MINUTES * 60)));
	clearInterval(timer);
	await stopProcess(server);

	console.log(`\n## ${label}, ${MINUTES} min\n`);
	console.log('| requests | rate | sent | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|');
	let errors = 0;
	for (const [i, r] of results.entries()) {
		const failed = r.errors + r.non2xx + r.timeouts;
		errors += failed;
		console.log(`| ${scenarios[i]!.name} | ${scenarios[i]!.rate}/s | ${r.requests.total} | ${r.latency.p50} | ${r.latency.p99} | ${failed} |`);
	}
	const warm = samples.filter((s) => s.at >= 60);
	const growth = warm.length > 1 ? warm.at(-1)!.mb - Math.min(...warm.map((s) => s.mb)) : 0;
	console.log(`\nMemory (RSS of all server processes, MB, every 10 s): ${samples.map((s) => s.mb.toFixed(0)).join(' ')}`);
	console.log(`After the first minute: from ${warm.length ? Math.min(...warm.map((s) => s.mb)).toFixed(0) : '—'} to ${warm.at(-1)?.mb.toFixed(0) ?? '—'} MB (growth ${growth.toFixed(0)} MB; allowed ${MAX_GROWTH_MB}).`);
	return { errors, growth };
}

async function main() {
	let failed = false;
	const pgliteDir = path.join(work, 'pglite');
	const people = await prepare(pgliteDir);
	const targets: [string, Record<string, string>, { staff: string[]; students: string[] }][] = [['PGlite, one process', { DATA_DIR: pgliteDir }, people]];
	if (process.env.TEST_DATABASE_URL) {
		const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
		await admin.unsafe('drop database if exists welcome_load with (force)');
		await admin.unsafe('create database welcome_load');
		await admin.end();
		const url = new URL(process.env.TEST_DATABASE_URL);
		url.pathname = '/welcome_load';
		targets.push([`PostgreSQL, ${os.availableParallelism()} workers`, { DATABASE_URL: url.toString() }, await prepare(path.join(work, 'unused'), url.toString())]);
	}
	for (const [index, [label, env, accounts]] of targets.entries()) {
		const { errors, growth } = await soak(label, env, accounts, 4350 + index);
		if (errors > 0 || growth > MAX_GROWTH_MB) failed = true;
	}
	fs.rmSync(work, { recursive: true, force: true });
	if (failed) {
		console.error('\nFAILED: errors, or memory still growing after warm-up.');
		process.exit(1);
	}
}

await main();
