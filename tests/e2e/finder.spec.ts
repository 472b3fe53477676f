import { expect, test } from './fixtures';

test('a visitor in Kazakh filters programmes, shares the address, and opens one with its institution', async ({ page }) => {
	await page.goto('/kk');
	await page.locator('main').getByRole('link', { name: 'Бағдарлама іздеу' }).or(page.locator('main a[href="/kk/programmes"]')).first().click();
	await expect(page).toHaveURL(/\/kk\/programmes$/);
	// Ticked only once the navigation has settled: a box ticked while the finder is still being
	// rendered can be reset by it (seen in CI under load).
	await page.waitForLoadState('networkidle');
	await page.locator('input[name="level"][value="master"]').check();
	await page.locator('select[name="country"]').selectOption('CN');
	await page.locator('select[name="language"]').selectOption('en');
	await page.locator('select[name="sort"]').selectOption('tuition');
	await page.locator('form.filters button[type="submit"]').click();

	await expect(page).toHaveURL(/level=master/);
	await expect(page).toHaveURL(/country=CN/);
	const results = page.locator('ul.programmes > li');
	await expect(results).toHaveCount(3);
	// Cheapest first: Tongji's civil engineering (CNY 40,000) before Beihang (CNY 45,000).
	await expect(results.first()).toContainText('Тунцзи');

	// The back button and a shared link restore the same results.
	const shared = page.url();
	await page.goto('/kk/programmes');
	await page.goBack();
	await expect(page.locator('ul.programmes > li')).toHaveCount(3);
	await page.goto(shared);
	await expect(page.locator('input[name="level"][value="master"]')).toBeChecked();

	await results.first().getByRole('link').click();
	await expect(page).toHaveURL(/\/kk\/institutions\/tongji\/programmes\/civil-engineering-meng$/);
	await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
	await page.getByRole('navigation', { name: /./ }).filter({ has: page.locator('a[href="/kk/institutions/tongji"]') }).locator('a[href="/kk/institutions/tongji"]').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Тунцзи университеті');
	await expect(page.locator('#programmes ~ ul li')).toHaveCount(4);
});

test('the finder works without JavaScript, and unknown filter values get a message, not an error', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const response = await page.goto('/en/programmes?level=wizardry&country=XX&tuitionMax=cheap&page=999');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('status')).toContainText('level');
	await page.goto('/en/programmes');
	await page.locator('input[name="level"][value="exchange"]').check();
	await page.locator('form.filters button[type="submit"]').click();
	await expect(page).toHaveURL(/level=exchange/);
	await expect(page.locator('ul.programmes > li').first()).toContainText('Exchange');
	await context.close();
});

test('from a programme to the scholarships it qualifies for, in Russian', async ({ page }) => {
	await page.goto('/ru/institutions/tongji/programmes/civil-engineering-meng');
	const section = page.locator('#scholarships ~ ul');
	await expect(section.locator('li')).toHaveCount(2);
	await section.getByRole('link', { name: 'Стипендия правительства КНР' }).click();
	await expect(page).toHaveURL(/\/ru\/scholarships\/chinese-government-scholarship$/);
	await expect(page.locator('dl')).toContainText(/3\s000/);
	await page.goto('/ru/scholarships?nationality=KZ&covers=stipend');
	await expect(page.locator('ul.list > li')).toContainText(['Стипендия правительства КНР']);
	await expect(page.locator('ul.list')).not.toContainText('Государственный грант Казахстана');
});
