import { expect, test } from './fixtures';
import { headerSize, signIn } from './helpers';

// What travels: rendered pages compressed as the browser asks (brotli, else gzip), headers small
// enough for a reverse proxy's default buffers on every kind of public page.

const PUBLIC_PAGES = [
	'/en',
	'/zh/institutions/tongji',
	'/kk/programmes?level=master&country=KZ',
	'/ru/countries/kz',
	'/en/scholarships',
	'/zh/news',
	'/kk/events',
	'/en/documents',
	'/en/search?q=visa',
	'/en/costs',
	'/en/arrival-planner',
	'/sitemap.xml',
	'/en/news/feed.xml'
];

test('rendered pages and feeds come compressed as asked, and read the same', async ({ request }) => {
	for (const url of PUBLIC_PAGES) {
		const plain = await request.get(url, { headers: { 'accept-encoding': 'identity' } });
		expect(plain.status(), url).toBe(200);
		expect(plain.headers()['content-encoding'], url).toBeUndefined();
		const body = await plain.text();
		for (const [asked, given] of [
			['br, gzip', 'br'],
			['gzip', 'gzip']
		] as const) {
			const response = await request.get(url, { headers: { 'accept-encoding': asked } });
			expect(response.headers()['content-encoding'], `${url} (${asked})`).toBe(given);
			expect(response.headers()['vary'], url).toMatch(/Accept-Encoding/i);
			// Decoded, the same page (timestamps aside, e.g. a feed's <updated>).
			expect((await response.text()).length, url).toBeGreaterThan(body.length * 0.9);
		}
	}
});

test('every kind of public page sends at most 8 KB of headers', async ({ request }) => {
	for (const url of PUBLIC_PAGES) {
		const response = await request.get(url);
		expect(headerSize(response.headersArray()), url).toBeLessThanOrEqual(8192);
	}
});

test('signed-in pages are compressed too, and stay private', async ({ page }) => {
	await signIn(page, 'enu.editor@demo.welcome.test');
	for (const url of ['/en/workspace/enu', '/en/workspace/enu/news', '/en/account']) {
		const response = await page.request.get(url, { headers: { 'accept-encoding': 'br' } });
		expect(response.status(), url).toBe(200);
		expect(response.headers()['content-encoding'], url).toBe('br');
		expect(response.headers()['cache-control'], url).toMatch(/no-store/);
	}
});

test('read-only public pages load without any script, in a handful of requests', async ({ page }) => {
	for (const path of ['/zh/institutions/tongji', '/kk/countries/kz', '/en/programmes?level=master', '/ru/scholarships', '/en']) {
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.resourceType()));
		await page.goto(path, { waitUntil: 'networkidle' });
		page.removeAllListeners('request');
		expect(requests.filter((type) => type === 'script'), path).toEqual([]);
		expect(requests.length, path).toBeLessThanOrEqual(12);
	}
	// Signed-in areas keep the client-side navigation.
	await signIn(page, 'student@demo.welcome.test');
	const scripts: string[] = [];
	page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
	await page.goto('/en/my');
	expect(scripts.length).toBeGreaterThan(0);
});
