// What `npm run bench` does over HTTP: start the production server, sign in, load a page with
// autocannon, sample the server's memory, run nginx (as a static ceiling and as the proxy of
// docs/deploy/nginx.conf).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findNginx, writeNginxConfig } from '../nginx-config.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface LoadResult {
	rps: number;
	p50: number;
	p99: number;
	errors: number;
}

/** Servers and nginx processes started here: stopped if the script ends early (an error). */
const started = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
function track(child: ChildProcess) {
	started.add(child);
	child.once('exit', () => started.delete(child));
	return child;
}

/** Starts scripts/serve.js and waits until every worker listens. */
export async function startServer(port: number, env: Record<string, string>) {
	// BENCH_SERVER_FLAGS: Node flags for the server alone, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
	const flags = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
	const child = track(spawn(process.execPath, [...flags, path.join(root, 'scripts', 'serve.js')], {
		env: { ...process.env, PORT: String(port), ORIGIN: `http://localhost:${port}`, LOG_LEVEL: 'warn', LOG_FORMAT: 'pretty', NODE_ENV: 'production', DEMO_PASSWORD: 'welcome-demo-2026', ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	}));
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const workers = env.DATABASE_URL ? Number(env.WEB_CONCURRENCY ?? 0) || (await import('node:os')).availableParallelism() : 1;
	for (let i = 0; i < 480; i++) {
		const ready = await fetch(`http://localhost:${port}/readyz`).then((r) => r.ok, () => false);
		// Under the cluster the first worker answers alone until the primary says all listen.
		if (ready && (workers === 1 || output.includes(`with ${workers} workers`))) return child;
		if (child.exitCode !== null) break;
		await new Promise((r) => setTimeout(r, 500));
	}
	child.kill();
	throw new Error(`server did not start:\n${output.slice(-2000)}`);
}

/** SIGTERM, then SIGKILL after 15 s: an overloaded server may still be draining its queue. */
export async function stopProcess(child: ChildProcess) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
	await exited;
	clearTimeout(timer);
}

/** The session cookie of a demo account, signed in through the sign-in form as a browser would. */
export async function signInCookie(base: string, email: string) {
	const response = await fetch(`${base}/en/sign-in`, {
		method: 'POST',
		body: new URLSearchParams({ email, password: 'welcome-demo-2026' }),
		headers: { origin: base, accept: 'text/html' },
		redirect: 'manual'
	});
	const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
	if (response.status !== 303 || !cookies.some((c) => c.includes('session_token'))) throw new Error(`could not sign in ${email}: ${response.status}`);
	return cookies.join('; ');
}

/**
 * autocannon in a process of its own (the benchmark's own heap and event loop must not slow the
 * load generator down), with `connections` open connections for `seconds`.
 */
export async function load(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
	// Browsers ask for compressed pages; what the server compresses is part of what it costs.
	const headers = { 'accept-encoding': 'br, gzip', ...options.headers };
	const args = [path.join(root, 'node_modules', 'autocannon', 'autocannon.js'), '-j', '-c', String(options.connections), '-d', String(options.seconds)];
	for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
	args.push(url);
	const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	await new Promise((resolve) => child.once('exit', resolve));
	const result = JSON.parse(output) as { requests: { average: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number; timeouts: number };
	return { rps: result.requests.average, p99: result.latency.p99, p50: result.latency.p50, errors: result.errors + result.non2xx + result.timeouts };
}

/** The pids of a process's children (the cluster's workers), from /proc. */
export function childPids(parent: number) {
	const pids: number[] = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// Field 4 of /proc/<pid>/stat is the parent pid (after the command in parentheses).
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) pids.push(Number(entry));
		} catch {
			/* the process ended meanwhile */
		}
	}
	return pids.sort();
}

/** Resident memory (MB) of a process and each of its children (the cluster's workers). */
export function residentMemory(pid: number) {
	const read = (p: number) => {
		try {
			const line = fs.readFileSync(`/proc/${p}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
			return line ? Number(line[1]) / 1024 : 0;
		} catch {
			return 0;
		}
	};
	return { main: read(pid), workers: childPids(pid).map(read) };
}

/** nginx serving one file: the ceiling of this machine for a page of that size. */
export function startStaticNginx(dir: string, port: number, file: string) {
	const nginx = findNginx();
	if (!nginx) return null;
	fs.mkdirSync(path.join(dir, 'www'), { recursive: true });
	fs.copyFileSync(file, path.join(dir, 'www', 'page.html'));
	fs.writeFileSync(
		path.join(dir, 'nginx.conf'),
		`daemon off; ${process.getuid?.() === 0 ? 'user root;' : ''} worker_processes auto; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 4096; }
http { access_log off; server { listen 127.0.0.1:${port}; root ${dir}/www; location / { default_type text/html; } } }`
	);
	return track(spawn(nginx, ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' }));
}

/** nginx with the configuration of docs/deploy/nginx.conf in front of the app on `upstreamPort`. */
export async function startProxyNginx(dir: string, port: number, upstreamPort: number) {
	const nginx = findNginx();
	if (!nginx) return null;
	const config = writeNginxConfig({ dir, listen: port, upstreamPort });
	const child = track(spawn(nginx, ['-c', config, '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'] }));
	for (let i = 0; i < 50; i++) {
		if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) return child;
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error('nginx did not start');
}
