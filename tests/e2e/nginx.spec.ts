import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findNginx, writeNginxConfig } from '../../scripts/nginx-config.mjs';
import { expect, test } from './fixtures';
import { headerSize, signIn } from './helpers';

// The reverse-proxy configuration of docs/deploy/nginx.conf in front of this worker's server:
// what an IT department deploys. CI installs nginx (.ci/run); without it the file is skipped.
const nginxBinary: string | null = findNginx();
test.skip(!nginxBinary, 'nginx is not installed (apt-get install nginx)');

let nginx: ChildProcess | undefined;
let proxy = '';

test.beforeAll(async ({ server }, workerInfo) => {
	const dir = path.resolve(`.tmp/e2e-nginx-${workerInfo.workerIndex}`);
	fs.rmSync(dir, { recursive: true, force: true });
	const listen = server.port + 30;
	const config: string = writeNginxConfig({ dir, listen, upstreamPort: server.port });
	nginx = spawn(nginxBinary!, ['-c', config, '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
	proxy = `http://localhost:${listen}`;
	for (let i = 0; i < 50; i++) {
		if (await fetch(`${proxy}/healthz`).then((r) => r.ok, () => false)) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`nginx did not answer; see ${dir}/error.log`);
});

test.afterAll(async () => {
	nginx?.kill('SIGQUIT');
});

test('anonymous pages are cached by nginx for as long as the app allows, compressed as the app sent them', async () => {
	const url = `${proxy}/kk/institutions/tongji?nginx=${Date.now()}`;
	const first = await fetch(url, { headers: { 'accept-encoding': 'br' } });
	expect(first.status).toBe(200);
	expect(first.headers.get('x-cache-status')).toBe('MISS');
	expect(first.headers.get('content-encoding')).toBe('br');
	const body = await first.text();
	expect(body).toContain('Tongji');

	const second = await fetch(url, { headers: { 'accept-encoding': 'br' } });
	expect(second.headers.get('x-cache-status')).toBe('HIT');
	expect(await second.text()).toBe(body);
	// Another encoding is another copy, never the brotli bytes to a client that cannot read them.
	const gzip = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
	expect(gzip.headers.get('content-encoding')).toBe('gzip');
	expect(await gzip.text()).toBe(body);

	// The app's request id travels through: nginx's, echoed back.
	expect(second.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
});

test('a signed-in visitor is never answered from the cache, and their pages are never stored for others', async ({ page, baseURL }) => {
	const url = `/en/institutions/enu?nginx=${Date.now()}`;
	// An anonymous visitor fills the cache first.
	expect((await fetch(proxy + url)).headers.get('x-cache-status')).toBe('MISS');
	expect((await fetch(proxy + url)).headers.get('x-cache-status')).toBe('HIT');

	// Cookies belong to the host, not the port: signed in on the app, the session goes to nginx too.
	await signIn(page, 'student@demo.welcome.test');
	expect(baseURL).toContain('localhost');
	const signedIn = await page.goto(proxy + url);
	expect(signedIn?.headers()['x-cache-status']).toBe('BYPASS');
	expect(signedIn?.headers()['cache-control']).toBe('private, no-store');
	await expect(page.getByText('Incoming student (demo)')).toBeVisible();

	const account = await page.goto(`${proxy}/en/my`);
	expect(account?.status()).toBe(200);
	// The student's own page, asked for anonymously through nginx: the sign-in page, not their data.
	const anonymous = await fetch(`${proxy}/en/my`, { redirect: 'manual' });
	expect(anonymous.headers.get('x-cache-status')).not.toBe('HIT');
	expect([302, 303]).toContain(anonymous.status);
});

test('the largest response headers (editor pages) and a large upload pass through', async ({ page, baseURL }) => {
	await signIn(page, 'enu.editor@demo.welcome.test');
	for (const pathname of ['/en/workspace/enu/programmes/new', '/en/workspace/enu/news/new', '/en/workspace/enu/media']) {
		const response = await page.goto(proxy + pathname);
		expect(response?.status(), pathname).toBe(200);
		expect(headerSize(await response!.headersArray()), pathname).toBeLessThanOrEqual(8 * 1024);
	}
	// 30 MB: over nginx's default 1 MB body limit, under the app's 48 MB. The app reads it and
	// answers with its own message next to the field (images: 10 MB at most), not nginx with a 413. (The Origin is the
	// app's ORIGIN, as a browser on the public address would send it.)
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const form = new FormData();
	form.set('file', new Blob([new Uint8Array(30 * 1024 * 1024)], { type: 'image/png' }), 'big.png');
	const upload = await fetch(`${proxy}/en/workspace/enu/media`, { method: 'POST', body: form, headers: { cookie, origin: baseURL!, accept: 'text/html' } });
	const text = await upload.text();
	expect(upload.status).toBe(400);
	expect(text).toContain('The file is larger than 10 MB.');
});
