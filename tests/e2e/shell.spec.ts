import { expect, test } from './fixtures';
import { watchForeignRequests } from './helpers';

test('the root address sends each visitor to their language', async ({ browser, baseURL }) => {
	// The browser's own language setting is what sends Accept-Language.
	for (const [browserLocale, locale] of [['ru-RU', 'ru'], ['zh-CN', 'zh'], ['kk-KZ', 'kk'], ['de-DE', 'en']] as const) {
		const context = await browser.newContext({ locale: browserLocale });
		const page = await context.newPage();
		await page.goto(baseURL + '/');
		await expect(page).toHaveURL(new RegExp(`/${locale}$`));
		await context.close();
	}
});

test('the root address remembers the language chosen with the switcher', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ locale: 'en-GB' });
	const page = await context.newPage();
	await page.goto('/en/institutions');
	await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Қазақша' }).click();
	await expect(page).toHaveURL(/\/kk\/institutions$/);
	await page.goto(baseURL + '/');
	await expect(page).toHaveURL(/\/kk$/);
	await context.close();
});

test('every language shows the demo institutions, with the right html lang and alternates', async ({ page }) => {
	const expectations = { en: 'Tongji University', ru: 'Университет Тунцзи', kk: 'Тунцзи университеті', zh: '同济大学' };
	for (const [locale, tongji] of Object.entries(expectations)) {
		await page.goto(`/${locale}/institutions`);
		await expect(page.getByRole('link', { name: tongji })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh' ? 'zh-Hans' : locale);
		await expect(page.locator('link[rel="alternate"][hreflang="ru"]')).toHaveAttribute('href', /\/ru\/institutions$/);
	}
	expect(await page.locator('.cards > li').count()).toBe(12);
});

test('the language switcher keeps the current page', async ({ page }) => {
	await page.goto('/en/institutions/enu');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('L.N. Gumilyov Eurasian National University');
	await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Қазақша' }).click();
	await expect(page).toHaveURL(/\/kk\/institutions\/enu$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Л.Н. Гумилев атындағы Еуразия ұлттық университеті');
});

test('a missing translation falls back and says so', async ({ page }) => {
	await page.goto('/zh/institutions/kth');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('瑞典皇家理工学院');
	await expect(page.getByRole('note')).toContainText('English');
	await expect(page.locator('article p[lang="en"]')).toContainText('relocation');
});

test('unknown pages get a localised 404 inside the site', async ({ page }) => {
	const response = await page.goto('/ru/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Страница не найдена');
	await expect(page.getByRole('navigation', { name: 'Язык' })).toBeVisible();
	const slug = await page.goto('/zh/institutions/no-such-university');
	expect(slug?.status()).toBe(404);
});

test('pages send security headers and load nothing from other hosts', async ({ page, baseURL }) => {
	const foreign = watchForeignRequests(page, baseURL!);
	const response = await page.goto('/en');
	const headers = response!.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).not.toContain("script-src 'self' 'unsafe-inline'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(headers['x-request-id']).toBeTruthy();
	await page.goto('/en/institutions/tongji');
	await page.goto('/en/sign-up');
	expect(foreign).toEqual([]);
});

test('keyboard users can skip to the content', async ({ page }) => {
	await page.goto('/en');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to main content' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
});

test('health and readiness answer', async ({ request }) => {
	expect((await request.get('/healthz')).status()).toBe(200);
	const ready = await request.get('/readyz');
	expect(ready.status()).toBe(200);
	expect(await ready.json()).toMatchObject({ status: 'ready', database: 'pglite' });
});

test('Kazakh dates stay Kazakh after the page loads, even in a browser without Kazakh data', async ({ page }) => {
	await page.goto('/kk/institutions/enu');
	await page.waitForLoadState('networkidle');
	const date = page.locator('dd time');
	await expect(date).toHaveText(/^\d{4} ж\. \d{1,2} \p{L}+\.?$/u);
	await expect(date).not.toHaveText(/M\d/);
});
