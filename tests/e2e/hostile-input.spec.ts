import net from 'node:net';
import { expect, test } from './fixtures';
import type { APIRequestContext } from '@playwright/test';
import { signIn } from './helpers';

// Malformed and hostile requests get a 4xx (or the page without the bad parameter), never a
// 5xx, and the server keeps running: each group ends by asking /healthz.

/** This worker's server (fixtures.ts). */
let PORT = 0;
test.beforeAll(({ server }) => {
	PORT = server.port;
});

/** Sends raw bytes (what no browser or fetch would send) and returns the status line's code. */
function rawRequest(head: string, body = ''): Promise<number> {
	return new Promise((resolve, reject) => {
		// Written, not ended: a half-closed socket may be dropped before an async answer is sent.
		const socket = net.connect(PORT, 'localhost', () => socket.write(head + body));
		let answer = '';
		socket.setEncoding('latin1');
		socket.on('data', (chunk) => (answer += chunk));
		socket.on('end', () => resolve(Number(answer.match(/^HTTP\/1\.[01] (\d{3})/)?.[1] ?? 0)));
		socket.on('error', reject);
		socket.setTimeout(15_000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(head.slice(0, 60))}`)));
	});
}

async function expectAlive(request: APIRequestContext) {
	expect((await request.get('/healthz')).status()).toBe(200);
}

test('malformed addresses and headers answer 4xx and never stop the server', async ({ request }) => {
	const paths = ['/%ff', '/en/%ff', '/%E0%A4%A', '/en/verify/%F0%9F', '/en/institutions/enu%00', '/%00', '/en/%c0%af', '/..%2f..%2fetc/passwd'];
	for (const path of paths) {
		const status = await rawRequest(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
		expect(status, path).toBeGreaterThanOrEqual(300);
		expect(status, path).toBeLessThan(500);
	}
	const headers = [
		'Accept-Language: \u00ff\u00fe;q=abc, *;q=-1',
		'Cookie: welcome.session_token=%ff%00; locale=%00',
		'X-Request-Id: ' + 'x'.repeat(5000),
		'If-None-Match: "\u00ff"',
		'Content-Type: multipart/form-data; boundary=',
		'Host: \u00ff.example'
	];
	for (const header of headers) {
		const status = await rawRequest(`GET /en HTTP/1.1\r\nHost: localhost\r\n${header}\r\nConnection: close\r\n\r\n`);
		expect(status, header).toBeLessThan(500);
	}
	// Bodies that are not forms, cut short, or larger than they say.
	const posts = [
		['Content-Type: application/json', '{"email":1}'],
		['Content-Type: application/xml', '<a>'],
		['Content-Type: multipart/form-data; boundary=zz', '--zz\r\nContent-Disposition: form-data; name="email"\r\n\r\nx'],
		['Content-Type: application/x-www-form-urlencoded', '%ff=%00&email=%zz']
	];
	for (const [type, body] of posts as [string, string][]) {
		const status = await rawRequest(
			`POST /en/sign-in HTTP/1.1\r\nHost: localhost:${PORT}\r\nOrigin: http://localhost:${PORT}\r\n${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
			body
		);
		expect(status, type).toBeGreaterThanOrEqual(200);
		expect(status, type).toBeLessThan(500);
	}
	await expectAlive(request);
});

test('a form posted from another site, or with no Origin, is refused; the EWP API takes signed posts without one', async ({ request }) => {
	for (const origin of ['Origin: https://evil.example\r\n', '']) {
		const status = await rawRequest(`POST /en/sign-in HTTP/1.1\r\nHost: localhost:${PORT}\r\n${origin}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\nConnection: close\r\n\r\n`, 'email=x');
		expect(status, origin || 'no Origin').toBe(403);
	}
	// The EWP gateway answers itself: a request to a hei-id no institution here has is its 404, in XML.
	const ewp = await request.post('/ewp/nobody.example.org/echo', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: 'echo=1' });
	expect(ewp.status()).toBe(404);
	expect(await ewp.text()).toContain('<error-response');
	for (const path of ['/ewp/%ff/echo', '/ewp/enu.kz/%00', '/ewp/x/' + 'a/'.repeat(500) + 'b']) {
		const status = await rawRequest(`POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\nConnection: close\r\n\r\n`, 'a=1');
		expect(status, path).toBeGreaterThanOrEqual(400);
		expect(status, path).toBeLessThan(500);
	}
	await expectAlive(request);
});

test('hostile parameters on public pages answer 4xx or the page without them', async ({ request }) => {
	const urls = [
		'/en/programmes?city=%00',
		'/en/search?q=%00',
		'/en/costs?city=%00',
		'/en/arrival-planner?arrival=%00&country=KZ',
		'/en/arrival-planner/calendar.ics?arrival=%00',
		'/en/institutions?page=1e308',
		'/en/institutions?page=Infinity&country=%ff',
		'/en/verify?code=%00',
		'/en/scholarships?nationality=1e308',
		'/en/scholarships?page=99999999999999999999',
		'/en/documents?page=1e308&kind=%00',
		'/en/documents?page=-1',
		`/en/search?q=${'я'.repeat(3000)}`,
		'/en/sign-in?next=%0d%0aSet-Cookie:%20x=1',
		'/switch-language?to=en&next=%0d%0a',
		'/switch-language?to=zh&next=/zh/%09/evil.example'
	];
	for (const url of urls) {
		const response = await request.get(url, { maxRedirects: 0 });
		expect(response.status(), url).toBeLessThan(500);
	}
	await expectAlive(request);
});

test('hostile parameters on signed-in pages answer 4xx or the page without them', async ({ page }) => {
	test.setTimeout(90_000); // three sign-ins and a dozen pages
	await signIn(page, 'admin@demo.welcome.test');
	for (const url of ['/en/admin/outbox?before=1e308', '/en/admin/outbox?before=Infinity', '/en/admin/outbox?before=yesterday', '/en/admin/audit?before=1e308', '/en/admin/audit?before=1.5', '/en/admin/users?page=1e308', '/en/admin/institutions?page=1e308']) {
		expect((await page.goto(url))?.status(), url).toBeLessThan(400);
	}
	await page.context().clearCookies();
	await signIn(page, 'enu.admin@demo.welcome.test');
	for (const url of ['/en/workspace/enu/audit?before=abc', '/en/workspace/enu/cases?assignee=%00', '/en/workspace/enu/cases?assignee=not-a-person&status=%ff', '/en/workspace/enu/news?page=99999999999', '/en/workspace/enu/programmes?page=-1', '/en/workspace/enu/media?page=1e308', '/en/workspace/enu/translations?lang=zh&page=%00']) {
		expect((await page.goto(url))?.status(), url).toBeLessThan(500);
	}
	// The welcome centre's pages are for staff and admins: an editor is told so (403), not shown an error.
	await page.context().clearCookies();
	await signIn(page, 'enu.editor@demo.welcome.test');
	for (const url of ['/en/workspace/enu/cases', '/en/workspace/enu/cases/figures']) expect((await page.goto(url))?.status(), url).toBe(403);
	await expectAlive(page.request);
});

test('an address after sign-in never leads to another site', async ({ page }) => {
	for (const next of ['%2F%09%2Fevil.example', '%2F%5Cevil.example', '%2F%2Fevil.example', 'https%3A%2F%2Fevil.example']) {
		await page.goto(`/en/sign-in?next=${next}`);
		await page.locator('input[name="email"]').fill('enu.editor@demo.welcome.test');
		await page.locator('input[name="password"]').fill('welcome-demo-2026');
		await page.locator('form.stack button[type="submit"]').click();
		// Signed in (off the sign-in page), and still on this site.
		await expect(page).not.toHaveURL(/\/sign-in/);
		await expect(page).toHaveURL(new RegExp(`^http://localhost:${PORT}/`));
		await page.context().clearCookies();
	}
});
