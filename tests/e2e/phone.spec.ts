import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { horizontalOverflow, signIn } from './helpers';

// On a 360 × 740 phone, in every language, no page is wider than the screen and the header
// leaves the page its room. Kazakh and Russian words are long; Chinese has no spaces to wrap at.

const LOCALES = ['en', 'ru', 'kk', 'zh'];
const PUBLIC = ['', '/institutions', '/institutions/enu', '/institutions/tongji', '/institutions/tongji/programmes/civil-engineering-meng', '/programmes', '/scholarships/chinese-government-scholarship', '/news/planner-launch', '/events/conference-beijing-2019', '/scholarships', '/countries/KZ', '/countries/CN', '/arrival-planner', '/costs', '/costs?institution=enu&programme=computer-science-msc&months=10&funds=1000000&currency=CNY', '/costs?city=Perpignan&months=5&tuition=own&tuitionAmount=3900&funds=3000', '/costs?institution=tongji&programme=civil-engineering-meng&scholarship=chinese-government-scholarship&months=10', '/news', '/events', '/documents', '/search?q=astana', '/sign-in', '/verify'];

async function checkPages(page: Page, paths: string[]) {
	for (const locale of LOCALES) {
		for (const path of paths) {
			await page.goto(`/${locale}${path}`);
			expect(await horizontalOverflow(page), `/${locale}${path}`).toBeLessThanOrEqual(0);
		}
	}
}

test.use({ viewport: { width: 360, height: 740 } });
// Dozens of pages per test.
test.setTimeout(240_000);

test('public pages fit a phone in every language, under a header of at most 120 px', async ({ page }) => {
	await checkPages(page, PUBLIC);
	for (const locale of LOCALES) {
		await page.goto(`/${locale}/institutions/enu`);
		const header = await page.locator('header.site-header').boundingBox();
		expect(header!.height, locale).toBeLessThanOrEqual(120);
		// Links are at least 24 px tall (WCAG 2.2 target size).
		for (const link of await page.locator('header a:visible, footer a:visible').all()) expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(24);
	}
});

test('the menu opens on a phone without JavaScript and leads to every section', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
	const page = await context.newPage();
	await page.goto('/kk/institutions');
	await expect(page.getByRole('link', { name: 'Бағдарламалар' })).toBeHidden();
	await page.getByText('Мәзір').click();
	await page.getByRole('link', { name: 'Бағдарламалар' }).click();
	await expect(page).toHaveURL(/\/kk\/programmes$/);
	await context.close();
});

test('workspace and administration pages fit a phone in every language', async ({ page }) => {
	await signIn(page, 'enu.admin@demo.welcome.test');
	await checkPages(page, ['/workspace/enu', '/workspace/enu/news', '/workspace/enu/services', '/workspace/enu/members', '/workspace/enu/cases', '/workspace/enu/letters', '/workspace/enu/translations', '/workspace/enu/costs', '/workspace/enu/partners', '/workspace/enu/partners/new', '/workspace/enu/agreements', '/workspace/enu/agreements/new', '/workspace/enu/agreements/import']);
	await page.context().clearCookies();
	await signIn(page, 'admin@demo.welcome.test');
	await checkPages(page, ['/admin/users', '/admin/outbox', '/admin/institutions', '/admin/jobs']);
});
