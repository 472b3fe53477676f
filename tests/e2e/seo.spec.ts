import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('sitemap.xml lists every public page in every language with its alternates', async ({ request, baseURL }) => {
	const response = await request.get('/sitemap.xml');
	expect(response.headers()['content-type']).toContain('application/xml');
	const xml = await response.text();
	for (const locale of ['en', 'ru', 'kk', 'zh']) {
		expect(xml).toContain(`<loc>${baseURL}/${locale}/institutions/tongji</loc>`);
		expect(xml).toContain(`<loc>${baseURL}/${locale}/institutions/tongji/programmes/civil-engineering-meng</loc>`);
		expect(xml).toContain(`<loc>${baseURL}/${locale}/scholarships/chinese-government-scholarship</loc>`);
	}
	expect(xml).toContain(`hreflang="zh-Hans" href="${baseURL}/zh/countries/kz"`);
	expect(xml).not.toContain('/workspace');
	const robots = await (await request.get('/robots.txt')).text();
	expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test('pages carry canonical and OpenGraph tags and schema.org data', async ({ page, baseURL }) => {
	await page.goto('/ru/institutions/tongji');
	await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/ru/institutions/tongji`);
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Университет Тунцзи');
	await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'ru');
	const org = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
	expect(org).toMatchObject({ '@context': 'https://schema.org', '@type': 'CollegeOrUniversity', name: 'Университет Тунцзи', alternateName: 'Tongji' });

	await page.goto('/zh/institutions/tongji/programmes/civil-engineering-meng');
	const program = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
	expect(program).toMatchObject({ '@type': 'EducationalOccupationalProgram', timeToComplete: 'P24M', inLanguage: ['en'], provider: { name: '同济大学' } });
	await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'zh_Hans');
});

test('public pages revalidate with an ETag (304), signed-in pages are never stored', async ({ request, page }) => {
	const first = await request.get('/en/institutions/enu');
	expect(first.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
	const etag = first.headers()['etag'];
	expect(etag).toBeTruthy();
	const again = await request.get('/en/institutions/enu', { headers: { 'if-none-match': etag! } });
	expect(again.status()).toBe(304);

	await signIn(page, 'student@demo.welcome.test');
	const signedIn = await page.goto('/en/institutions/enu');
	expect(signedIn?.headers()['cache-control']).toBe('private, no-store');
});

test('an edited profile shows on the public page at once, even though anonymous pages are cached', async ({ page, browser }) => {
	const visitor = await browser.newContext();
	const anonymous = await visitor.newPage();
	await anonymous.goto('/en/institutions/kmu');
	await anonymous.goto('/en/institutions/kmu'); // now served from the page cache

	await signIn(page, 'admin@demo.welcome.test');
	await page.goto('/en/workspace/kmu/profile');
	const text = `Updated at ${Date.now()}: clinical training in English.`;
	await page.locator('textarea[name="description.en"]').fill(text);
	await page.locator('form.profile button[type="submit"]').click();
	await expect(page.getByRole('status')).toBeVisible();

	await anonymous.goto('/en/institutions/kmu');
	await expect(anonymous.locator('article')).toContainText(text);
	await visitor.close();
});

test('the page cache never answers a data request with a cached page', async ({ page }) => {
	// Warm the cache with the HTML page, then let the client load the same page's data.
	await page.goto('/en/sign-up');
	await page.goto('/en/sign-up');
	await page.locator('input[name="name"]').fill('Cache Test');
	await page.locator('input[name="email"]').fill(`cache-${Date.now()}@example.org`);
	await page.locator('input[name="password"]').fill('a long enough passphrase');
	await page.locator('input[name="passwordConfirm"]').fill('a long enough passphrase');
	await page.locator('form.stack button[type="submit"]').click();
	await expect(page.getByRole('status')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/went wrong/);
});
