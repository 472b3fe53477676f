// npm run bench — speed and weight of the public portal, on PGlite and PostgreSQL, beside a
// static file of the same size served by nginx (the ceiling). Results: docs/performance.md.
//
// Runs on this machine only (loopback), bounded in time: 10 s per load test.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
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
import { institution } from '../src/lib/server/institutions/institutions.tables';
import { caseQueue } from '../src/lib/server/welcome/case-handling.service';

const SCALE = { institutions: Number(process.env.BENCH_INSTITUTIONS ?? 1000), programmesEach: Number(process.env.BENCH_PROGRAMMES ?? 50) };
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const PAGES = { home: '/en', institution: '/en/institutions/enu', finder: '/en/programmes?level=master&country=KZ&sort=tuition' };
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
	// Fresh bulk data has no planner statistics yet; production databases get them from autovacuum.
	await platform.db.execute(sql`analyze`);
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
	await platform.close();
	return { dataDir, databaseUrl };
}

/** A 5,000-row programme file (the import's limit): dry run, then import, new and then updated. */
async function timeImport(kind: string, platform: Awaited<ReturnType<typeof startPlatform>>) {
	const [inst] = await platform.db.insert(institution).values({ slug: 'bench-import', shortName: 'BENCH', name: { en: 'Bench import' }, countryCode: 'KZ', city: { en: 'Astana' } }).returning();
	const actor = { userId: 'bench', email: 'bench@example.org', platformRole: 'platform_admin' as const, memberships: new Map() };
	const ctx = { ...platform, actor, requestId: null, locale: 'en' as const };
	const header = 'slug;level;isced;title_en;title_ru;languages;duration_months;tuition;currency;application_opens;application_deadline';
	const file = (round: number) => new TextEncoder().encode([header, ...Array.from({ length: 5000 }, (_, n) => `bench-${n};master;0613;Programme ${n} (${round});Программа ${n};en, ru;24;${1000 + n};EUR;2026-01-01;2099-06-30`)].join('\n'));
	for (const [round, label] of ['5,000 new programmes', 'the same 5,000 updated'].entries()) {
		const t0 = performance.now();
		const check = await checkProgrammeImport(ctx, inst!.id, { bytes: file(round), name: 'bench.csv' });
		const t1 = performance.now();
		await applyProgrammeImport(ctx, inst!.id, check.batchId!, { publish: true });
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
	await platform.db.execute(sql`analyze welcome_case`);
	const built = ((performance.now() - t0) / 1000).toFixed(0);
	const ids = (await platform.db.select({ id: institution.id }).from(institution)).map((r) => r.id);
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
	const [busy] = await platform.db.select({ id: institution.id }).from(institution).where(sql`slug = 'enu'`);
	await platform.db.execute(sql`
		insert into welcome_case (institution_id, number, service, applicant_id, status, due_on, submission_key, submitted_at)
		select ${busy!.id}, 100000 + g, '{"code":"airport_pickup","name":{"en":"Airport pickup"},"questions":[],"documents":[],"turnaroundDays":3}'::jsonb,
			'bench-applicant-' || (1 + g % 1000), (array['submitted','in_progress','waiting','done','declined','done','done'])[1 + g % 7],
			date '2026-06-01' + (g % 200), 'bench-busy-' || g, timestamp '2026-06-01' + (g % 200) * interval '1 day'
		from generate_series(1, 20000) g`);
	await platform.db.execute(sql`analyze welcome_case`);
	const busyTimes: number[] = [];
	for (let i = 0; i < 120; i++) {
		const t = performance.now();
		await caseQueue(ctx, busy!.id, queries[i % queries.length]!, now);
		busyTimes.push(performance.now() - t);
	}
	busyTimes.sort((a, b) => a - b);
	note(`| ${kind} | staff case queue of one busy centre (20,000+ cases), the same filters | p50 ${percentile(busyTimes, 50).toFixed(1)} ms · p95 ${percentile(busyTimes, 95).toFixed(1)} ms |`);
}

async function startServer(port: number, env: Record<string, string>) {
	const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.js')], {
		env: { ...process.env, PORT: String(port), ORIGIN: `http://localhost:${port}`, LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 240; i++) {
		try {
			if ((await fetch(`http://localhost:${port}/readyz`)).ok) return child;
		} catch {
			/* not yet */
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	child.kill();
	throw new Error('server did not start');
}

async function load(url: string) {
	const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
	return { rps: result.requests.average, p99: result.latency.p99, p50: result.latency.p50, errors: result.errors + result.non2xx };
}

/** SIGTERM, then SIGKILL after 15 s: an overloaded server may still be draining its queue. */
async function stop(child: ChildProcess) {
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
	await exited;
	clearTimeout(timer);
}

async function pageWeight(base: string, pathname: string) {
	const html = await (await fetch(base + pathname)).text();
	// SvelteKit links assets relatively (../../_app/immutable/…): resolve each against the page.
	const assets = [...html.matchAll(/["']((?:\.{1,2}\/)*_app\/immutable\/[^"']+\.(?:js|css))["']/g)].map((m) => m[1]!);
	let total = gzipSync(html).length;
	for (const asset of new Set(assets)) total += gzipSync(Buffer.from(await (await fetch(new URL(asset, base + pathname))).arrayBuffer())).length;
	return { kb: total / 1024, html, assets: new Set(assets).size };
}

function startNginx(port: number, file: string) {
	const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
	if (!nginx) return null;
	const dir = path.join(work, 'nginx');
	fs.mkdirSync(path.join(dir, 'www'), { recursive: true });
	fs.copyFileSync(file, path.join(dir, 'www', 'page.html'));
	fs.writeFileSync(
		path.join(dir, 'nginx.conf'),
		`daemon off; worker_processes 2; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:${port}; root ${dir}/www; location / { default_type text/html; } } }`
	);
	const child = spawn(nginx, ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
	return child;
}

async function main() {
	if (!fs.existsSync(path.join(root, 'build', 'handler.js'))) spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	note(`Run on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}; ${CONNECTIONS} connections, ${DURATION} s per page.`);
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

	let institutionHtml = '';
	for (const [index, target] of targets.entries()) {
		const port = 4300 + index;
		const server = await startServer(port, target.env);
		for (const [name, pathname] of Object.entries(PAGES)) {
			const r = await load(`http://localhost:${port}${pathname}`);
			note(`| ${target.kind} | ${name} page \`${pathname}\` over HTTP | ${r.rps.toFixed(0)} req/s · p50 ${r.p50} ms · p99 ${r.p99} ms · errors ${r.errors} |`);
		}
		if (index === 0) {
			const weight = await pageWeight(`http://localhost:${port}`, PAGES.institution);
			institutionHtml = weight.html;
			note(`| — | first load of \`${PAGES.institution}\`, gzip: HTML + ${weight.assets} JS/CSS files | ${weight.kb.toFixed(1)} KB |`);
		}
		await stop(server);
	}

	const staticFile = path.join(work, 'institution.html');
	fs.writeFileSync(staticFile, institutionHtml);
	const nginx = startNginx(4399, staticFile);
	if (nginx) {
		await new Promise((r) => setTimeout(r, 1000));
		const r = await load('http://127.0.0.1:4399/page.html');
		note(`| nginx | static file of the same size (${(institutionHtml.length / 1024).toFixed(1)} KB): the ceiling | ${r.rps.toFixed(0)} req/s · p50 ${r.p50} ms · p99 ${r.p99} ms |`);
		nginx.kill('SIGTERM');
	} else {
		note('| nginx | (skipped: nginx not installed; apt-get install nginx-light) | |');
	}
	fs.rmSync(work, { recursive: true, force: true });
}

await main();
