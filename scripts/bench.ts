// npm run bench — speed, memory and weight of the portal, on PGlite and PostgreSQL, beside the
// same bytes served by nginx as a static file (the ceiling). Results: docs/performance.md.
// Service timings (finder, import, case queue) in-process; then every page type over HTTP on the
// production server, without any cache, with the micro-cache, and behind nginx with the
// configuration of docs/deploy/nginx.conf; the server's memory; first loads in Chromium.
//
// Runs on this machine only (loopback), bounded in time: BENCH_SECONDS (10) per load test.
// BENCH_SERVICES_ONLY=1 stops after the in-process timings (finder, imports, queues, agreements).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { parseFinderQuery } from '../src/lib/programmes/finder';
import { generateScaleData } from '../src/lib/server/demo/scale';
import { seedDemo } from '../src/lib/server/demo/demo.seed';
import { seedGuides } from '../src/lib/server/guides/guides.service';
import { rebuildSearchIndex } from '../src/lib/server/search/search.service';
import { readConfig } from '../src/lib/server/platform/config';
import { createLogger } from '../src/lib/server/platform/logger';
import { startPlatform } from '../src/lib/server/boot/platform';
import { findProgrammes } from '../src/lib/server/programmes/programmes.service';
import { applyProgrammeImport, checkProgrammeImport } from '../src/lib/server/programmes/programme-import.service';
import { createInstitution } from '../src/lib/server/institutions/institutions.service';
import { institutionDirectory } from '../src/lib/server/institutions/institutions.views';
import { timeAgreements } from './bench/agreements';
import { measureFirstLoads } from './bench/first-load';
import { load, residentMemory, signInCookie, startProxyNginx, startServer, startStaticNginx, stopProcess, type LoadResult } from './bench/http';
import { caseQueue } from '../src/lib/server/welcome/case-handling.service';

const SCALE = { institutions: Number(process.env.BENCH_INSTITUTIONS ?? 1000), programmesEach: Number(process.env.BENCH_PROGRAMMES ?? 50) };
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'welcome-bench-'));
const logger = createLogger('pretty', {}, 'warn');
const results: string[] = [];
const note = (line: string) => {
	console.log(line);
	results.push(line);
};

function percentile(sorted: number[], p: number) {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Prepares a database with demo and scale data, and times the finder in-process. */
async function prepare(kind: 'pglite' | 'postgres', databaseUrl?: string) {
	const dataDir = path.join(work, kind);
	const config = { ...readConfig({ ...process.env, DATA_DIR: dataDir, SEED_DEMO: 'true' }), databaseUrl };
	const t0 = performance.now();
	const platform = await startPlatform(config, { logger });
	await seedGuides(platform);
	await seedDemo(platform);
	await generateScaleData(platform, SCALE);
	await rebuildSearchIndex(platform);
	// Fresh bulk data has no planner statistics and no page marked all-visible yet; production
	// databases get both from autovacuum (PostgreSQL) or the upkeep job (PGlite, db/upkeep.ts).
	await platform.db.execute(sql`vacuum analyze`);
	const seconds = ((performance.now() - t0) / 1000).toFixed(0);
	const ctx = { ...platform, actor: null, requestId: null, locale: 'en' as const };
	const queries = ['', 'level=master', 'country=CN&level=bachelor', 'language=en&sort=tuition', 'field=06&open=1', 'tuitionMax=3000&sort=title', 'city=Almaty&level=doctoral', 'start=spring&durationMax=12', 'level=exchange&page=5'];
	for (const q of queries) await findProgrammes(ctx, parseFinderQuery(new URLSearchParams(q)).filters, '2026-12-01'); // warm up
	const times: number[] = [];
	const perQuery = new Map<string, number[]>();
	for (let i = 0; i < 300; i++) {
		const q = queries[i % queries.length]!;
		const t = performance.now();
		await findProgrammes(ctx, parseFinderQuery(new URLSearchParams(q)).filters, '2026-12-01');
		const ms = performance.now() - t;
		times.push(ms);
		perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
	}
	for (const [q, list] of perQuery) console.log(`  ${kind} finder "${q}": median ${list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!.toFixed(1)} ms`);
	times.sort((a, b) => a - b);
	note(`| ${kind} | finder service, ${SCALE.institutions * SCALE.programmesEach + 28} programmes, 300 varied queries | p50 ${percentile(times, 50).toFixed(1)} ms · p95 ${percentile(times, 95).toFixed(1)} ms (data set built in ${seconds} s) |`);
	await timeImport(kind, platform);
	await timeCaseQueue(kind, platform);
	await timeAgreements(kind, platform, note);
	await platform.close();
	return { dataDir, databaseUrl };
}

/** A 5,000-row programme file (the import's limit): dry run, then import, new and then updated. */
async function timeImport(kind: string, platform: Awaited<ReturnType<typeof startPlatform>>) {
	const actor = { userId: 'bench', email: 'bench@example.org', platformRole: 'platform_admin' as const, memberships: new Map() };
	const ctx = { ...platform, actor, requestId: null, locale: 'en' as const };
	const inst = await createInstitution(ctx, { slug: 'bench-import', shortName: 'BENCH', nameEn: 'Bench import', countryCode: 'KZ', cityEn: 'Astana', defaultLocale: 'en' });
	const header = 'slug;level;isced;title_en;title_ru;languages;duration_months;tuition;currency;application_opens;application_deadline';
	const file = (round: number) => new TextEncoder().encode([header, ...Array.from({ length: 5000 }, (_, n) => `bench-${n};master;0613;Programme ${n} (${round});Программа ${n};en, ru;24;${1000 + n};EUR;2026-01-01;2099-06-30`)].join('\n'));
	for (const [round, label] of ['5,000 new programmes', 'the same 5,000 updated'].entries()) {
		const t0 = performance.now();
		const check = await checkProgrammeImport(ctx, inst.id, { bytes: file(round), name: 'bench.csv' });
		const t1 = performance.now();
		await applyProgrammeImport(ctx, inst.id, check.batchId!, { publish: true });
		note(`| ${kind} | programme import, ${label}: dry run · import with revisions | ${(t1 - t0).toFixed(0)} ms · ${(performance.now() - t1).toFixed(0)} ms |`);
	}
}

/** The welcome centre's staff queue: 100,000 cases spread over the institutions, varied filters. */
async function timeCaseQueue(kind: string, platform: Awaited<ReturnType<typeof startPlatform>>) {
	const total = Number(process.env.BENCH_CASES ?? 100_000);
	const t0 = performance.now();
	await platform.db.execute(sql`insert into "user" (id, name, email, email_verified) select 'bench-applicant-' || n, 'Applicant ' || n, 'applicant-' || n || '@bench.test', true from generate_series(1, 1000) n on conflict do nothing`);
	await platform.db.execute(sql`
		with inst as (select id, row_number() over (order by id) - 1 as i, count(*) over () as n from institution)
		insert into welcome_case (institution_id, number, service, applicant_id, status, due_on, submission_key, submitted_at, first_response_at, closed_at, assignee_id)
		select inst.id, g, '{"code":"airport_pickup","name":{"en":"Airport pickup"},"questions":[],"documents":[],"turnaroundDays":3}'::jsonb,
			'bench-applicant-' || (1 + g % 1000),
			(array['submitted','in_progress','waiting','done','declined','done','done'])[1 + g % 7],
			date '2026-09-01' + (g % 180),
			'bench-' || g, timestamp '2026-09-01' + (g % 180) * interval '1 day',
			case when g % 7 > 0 then timestamp '2026-09-01' + (g % 180) * interval '1 day' + interval '20 hours' end,
			case when g % 7 in (3, 4, 5, 6) then timestamp '2026-09-01' + (g % 180 + 2) * interval '1 day' end,
			case when g % 3 = 0 then 'bench-applicant-' || (1 + g % 1000) end
		from generate_series(1, ${total}) g join inst on inst.i = g % inst.n`);
	await platform.db.execute(sql`vacuum analyze welcome_case`);
	const built = ((performance.now() - t0) / 1000).toFixed(0);
	const ids = (await platform.db.select({ id: institutionDirectory.id }).from(institutionDirectory)).map((r) => r.id);
	const actor = { userId: 'bench', email: 'bench@example.org', platformRole: 'platform_admin' as const, memberships: new Map() };
	const ctx = { ...platform, actor, requestId: null, locale: 'en' as const };
	const queries = [{}, { status: 'all' }, { overdue: '1' }, { status: 'done', sort: 'submitted' }, { assignee: 'none' }, { status: 'waiting', page: '2' }];
	const now = new Date('2026-12-01T08:00:00Z');
	for (let i = 0; i < 20; i++) await caseQueue(ctx, ids[i % ids.length]!, queries[i % queries.length]!, now); // warm up
	const times: number[] = [];
	for (let i = 0; i < 300; i++) {
		const t = performance.now();
		await caseQueue(ctx, ids[(i * 37) % ids.length]!, queries[i % queries.length]!, now);
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	note(`| ${kind} | staff case queue, ${total.toLocaleString('en')} cases in ${ids.length.toLocaleString('en')} institutions, 300 varied filters (page, counts, overdue) | p50 ${percentile(times, 50).toFixed(1)} ms · p95 ${percentile(times, 95).toFixed(1)} ms (cases added in ${built} s) |`);

	// A very busy centre: 20,000 more cases at one institution.
	const [busy] = await platform.db.select({ id: institutionDirectory.id }).from(institutionDirectory).where(sql`slug = 'enu'`);
	await platform.db.execute(sql`
		insert into welcome_case (institution_id, number, service, applicant_id, status, due_on, submission_key, submitted_at)
		select ${busy!.id}, 100000 + g, '{"code":"airport_pickup","name":{"en":"Airport pickup"},"questions":[],"documents":[],"turnaroundDays":3}'::jsonb,
			'bench-applicant-' || (1 + g % 1000), (array['submitted','in_progress','waiting','done','declined','done','done'])[1 + g % 7],
			date '2026-06-01' + (g % 200), 'bench-busy-' || g, timestamp '2026-06-01' + (g % 200) * interval '1 day'
		from generate_series(1, 20000) g`);
	await platform.db.execute(sql`vacuum analyze welcome_case`);
	const busyTimes: number[] = [];
	for (let i = 0; i < 120; i++) {
		const t = performance.now();
		await caseQueue(ctx, busy!.id, queries[i % queries.length]!, now);
		busyTimes.push(performance.now() - t);
	}
	busyTimes.sort((a, b) => a - b);
	note(`| ${kind} | staff case queue of one busy centre (20,000+ cases), the same filters | p50 ${percentile(busyTimes, 50).toFixed(1)} ms · p95 ${percentile(busyTimes, 95).toFixed(1)} ms |`);
}

/** What `npm run bench` loads over HTTP; `as`: signed in as that demo account. */
const HTTP_PAGES: { name: string; path: string; as?: string }[] = [
	{ name: 'home', path: '/en' },
	{ name: 'institution', path: '/en/institutions/enu' },
	{ name: 'finder', path: '/en/programmes?level=master&country=KZ&sort=tuition' },
	{ name: 'country guide', path: '/en/countries/kz' },
	{ name: 'staff case queue', path: '/en/workspace/enu/cases', as: 'enu.staff@demo.welcome.test' },
	{ name: "student's space", path: '/en/my', as: 'student@demo.welcome.test' }
];
const FIRST_LOADS = ['/en', '/en/institutions/enu', '/zh/institutions/tongji', '/en/programmes?level=master&country=KZ&sort=tuition', '/kk/countries/kz', '/en/scholarships', '/en/costs', '/en/arrival-planner', '/en/sign-in'];

interface Row extends LoadResult {
	db: string;
	mode: string;
	page: string;
	path: string;
}
const rows: Row[] = [];
const memory: string[] = [];

/** Samples the server's memory every 2 s while `work` runs; returns the largest figures. */
async function withMemory<T>(pid: number, work: () => Promise<T>) {
	let main = 0;
	let worker = 0;
	let last = residentMemory(pid);
	const timer = setInterval(() => {
		last = residentMemory(pid);
		main = Math.max(main, last.main);
		worker = Math.max(worker, ...last.workers, 0);
	}, 2_000);
	try {
		return { result: await work(), peak: () => ({ main, worker, last }) };
	} finally {
		clearInterval(timer);
	}
}

async function loadPages(db: string, mode: string, base: string, pages: typeof HTTP_PAGES) {
	const cookies = new Map<string, string>();
	for (const page of pages) {
		if (page.as && !cookies.has(page.as)) cookies.set(page.as, await signInCookie(base, page.as));
		const headers = page.as ? { cookie: cookies.get(page.as)! } : undefined;
		// A short warm-up: the first requests of a fresh process compile code and fill pools.
		await load(base + page.path, { connections: 10, seconds: 2, headers });
		const result = await load(base + page.path, { connections: CONNECTIONS, seconds: DURATION, headers });
		rows.push({ db, mode, page: page.name, path: page.path, ...result });
		console.log(`  ${db} · ${mode} · ${page.name}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms, errors ${result.errors}`);
	}
}

/** One database: the render path (no cache), then the micro-cache, then nginx's proxy cache in front. */
async function measureHttp(kind: 'pglite' | 'postgres', env: Record<string, string>, port: number, withPage: (institutionHtml: string) => Promise<void>) {
	const label = kind === 'postgres' ? `postgres (${os.availableParallelism()} workers)` : 'pglite (1 process)';
	const uncached = await startServer(port, { ...env, PAGE_CACHE_TTL_MS: '0' });
	await withPage(await (await fetch(`http://localhost:${port}${HTTP_PAGES[1]!.path}`)).text());
	const run = await withMemory(uncached.pid!, () => loadPages(label, 'no cache', `http://localhost:${port}`, HTTP_PAGES));
	const after = residentMemory(uncached.pid!);
	const peak = run.peak();
	memory.push(
		`| ${label} | after the uncached load (${HTTP_PAGES.length} pages × ${DURATION} s at ${CONNECTIONS} connections) | ` +
			(after.workers.length
				? `workers ${after.workers.map((mb) => mb.toFixed(0)).join(' · ')} MB (peak ${peak.worker.toFixed(0)} MB), primary ${after.main.toFixed(0)} MB`
				: `${after.main.toFixed(0)} MB (peak ${peak.main.toFixed(0)} MB)`) +
			' |'
	);
	let firstLoads: Awaited<ReturnType<typeof measureFirstLoads>> | null = null;
	if (kind === 'pglite') firstLoads = await measureFirstLoads(`http://localhost:${port}`, FIRST_LOADS);
	await stopProcess(uncached);

	const cached = await startServer(port, env);
	const anonymous = HTTP_PAGES.filter((p) => !p.as);
	await loadPages(label, 'micro-cache', `http://localhost:${port}`, anonymous);
	const proxy = await startProxyNginx(path.join(work, `proxy-${kind}`), port + 50, port);
	if (proxy) {
		await loadPages(label, 'nginx proxy cache', `http://127.0.0.1:${port + 50}`, anonymous);
		proxy.kill('SIGQUIT');
	}
	await stopProcess(cached);
	return { firstLoads };
}

async function main() {
	if (!fs.existsSync(path.join(root, 'build', 'handler.js'))) spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	note(`Run on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}; ${CONNECTIONS} connections, ${DURATION} s per page (after 2 s of warm-up at 10), load generator on the same machine.`);
	note('');
	note('| database | measure | result |');
	note('|---|---|---|');
	const targets: { kind: 'pglite' | 'postgres'; env: Record<string, string> }[] = [];
	const pglite = await prepare('pglite');
	targets.push({ kind: 'pglite', env: { DATA_DIR: pglite.dataDir } });
	if (process.env.TEST_DATABASE_URL) {
		const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
		await admin.unsafe('drop database if exists welcome_bench with (force)');
		await admin.unsafe('create database welcome_bench');
		await admin.end();
		const url = new URL(process.env.TEST_DATABASE_URL);
		url.pathname = '/welcome_bench';
		await prepare('postgres', url.toString());
		targets.push({ kind: 'postgres', env: { DATABASE_URL: url.toString() } });
	} else {
		note('| postgres | (skipped: no PostgreSQL server binaries) | |');
	}
	// BENCH_SERVICES_ONLY=1: the in-process service timings above, without the HTTP runs.
	if (process.env.BENCH_SERVICES_ONLY) {
		fs.rmSync(work, { recursive: true, force: true });
		return;
	}

	// The ceiling: nginx serving the institution page's bytes as a static file, before and after
	// the app's runs (the same machine drifts; both figures are reported, their mean is used).
	const staticFile = path.join(work, 'institution.html');
	const ceilings: number[] = [];
	const measureCeiling = async (when: string) => {
		const nginx = startStaticNginx(path.join(work, `nginx-${ceilings.length}`), 4399, staticFile);
		if (!nginx) return note(`| nginx | (skipped: nginx not installed; apt-get install nginx) | |`);
		await new Promise((r) => setTimeout(r, 1000));
		await load('http://127.0.0.1:4399/page.html', { connections: 10, seconds: 2 });
		const r = await load('http://127.0.0.1:4399/page.html', { connections: CONNECTIONS, seconds: DURATION });
		ceilings.push(r.rps);
		note(`| nginx | static file of the institution page's bytes (${(fs.statSync(staticFile).size / 1024).toFixed(1)} KB), ${when}: the ceiling | ${r.rps.toFixed(0)} req/s · p50 ${r.p50} ms · p99 ${r.p99} ms |`);
		nginx.kill('SIGQUIT');
		await new Promise((r) => nginx.once('exit', r));
	};

	let firstLoads: Awaited<ReturnType<typeof measureFirstLoads>> | null = null;
	for (const [index, target] of targets.entries()) {
		const measured = await measureHttp(target.kind, target.env, 4300 + index, async (html) => {
			if (fs.existsSync(staticFile)) return;
			fs.writeFileSync(staticFile, html);
			await measureCeiling('before the app');
		});
		firstLoads ??= measured.firstLoads;
	}
	await measureCeiling('after the app');
	const ceiling = ceilings.length ? ceilings.reduce((a, b) => a + b, 0) / ceilings.length : 0;

	note('');
	note('| database | cache | page | req/s | % of nginx | p50 ms | p99 ms | errors |');
	note('|---|---|---|---|---|---|---|---|');
	for (const r of rows) {
		const share = ceiling ? `${((100 * r.rps) / ceiling).toFixed(2)} %` : '—';
		note(`| ${r.db} | ${r.mode} | ${r.page} \`${r.path}\` | ${r.rps.toFixed(0)} | ${share} | ${r.p50} | ${r.p99} | ${r.errors} |`);
	}
	note('');
	note('| server | memory (RSS) | |');
	note('|---|---|---|');
	for (const line of memory) note(line);
	if (firstLoads) {
		note('');
		note('| first load in Chromium, empty cache | requests | of which JavaScript | on the wire (headers + compressed bodies) | HTML |');
		note('|---|---|---|---|---|');
		for (const [pathname, f] of firstLoads) note(`| \`${pathname}\` | ${f.requests} | ${f.scripts} | ${f.kb.toFixed(1)} KB | ${f.htmlKb.toFixed(1)} KB |`);
	}
	fs.rmSync(work, { recursive: true, force: true });
}

await main();
