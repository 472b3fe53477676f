import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { expectNoViolations, WCAG } from './axe';
import { signIn } from './helpers';

test('a form with errors has no violations', async ({ page }) => {
	await page.goto('/en/sign-up');
	await page.locator('form.stack button[type="submit"]').click();
	await expect(page.locator('.field .error').first()).toBeVisible();
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
	expect(violations.map((v) => v.id)).toEqual([]);
});

// The tests below spread over the workers: each signs in on its own, and together they were
// longer than one test's time on a shared CI machine (about 4 s of axe per page).
test.describe.configure({ mode: 'parallel' });

test('signed-in workspace pages have no violations', async ({ page }) => {
	test.setTimeout(150_000);
	await signIn(page, 'admin@demo.welcome.test');
	for (const path of ['/en/account', '/en/workspace/enu', '/en/workspace/enu/members', '/en/workspace/enu/profile', '/en/workspace/enu/factsheet', '/en/workspace/enu/audit', '/en/workspace/enu/news', '/en/workspace/enu/news/new', '/en/workspace/enu/translations?lang=zh', '/en/workspace/enu/help', '/en/workspace/enu/programmes', '/en/workspace/enu/programmes/import', '/en/workspace/enu/media', '/en/workspace/enu/events', '/en/workspace/enu/events/new', '/en/workspace/enu/faq/new', '/en/workspace/enu/documents/new', '/en/workspace/enu/scholarships/new']) {
		await expectNoViolations(page, path);
	}
});

test('more workspace pages and the platform admin’s pages have no violations', async ({ page }) => {
	test.setTimeout(150_000);
	await signIn(page, 'admin@demo.welcome.test');
	for (const path of ['/en/workspace/enu/programmes/new', '/en/workspace/enu/costs', '/en/workspace/enu/costs/new', '/en/workspace/enu/costs/import', '/en/workspace/enu/services', '/en/workspace/enu/services/new', '/en/workspace/enu/letters', '/en/workspace/enu/letters/invitation', '/en/workspace/enu/ewp', '/en/admin/jobs', '/en/admin/institutions', '/en/admin/users', '/en/admin/countries', '/en/admin/countries/kz', '/en/admin/countries/kz/visa', '/en/admin/countries/kz/arrival', '/en/admin/countries/kz/calendar', '/en/admin/outbox', '/en/admin/audit']) {
		await expectNoViolations(page, path);
	}
});

test('the welcome centre’s pages have no violations for the applicant', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, 'student@demo.welcome.test');
	await expectNoViolations(page, '/en/my');
	await expectNoViolations(page, '/zh/my/profile');
	await expectNoViolations(page, '/en/my/data');
	await page.goto('/en/my');
	await page.getByRole('link', { name: 'Request: Migration registration' }).click();
	await expect(page).toHaveURL(/\/my\/requests\/new\//);
	await expectNoViolations(page, new URL(page.url()).pathname);
	await page.getByRole('button', { name: 'Send the request' }).click();
	// The form with its errors.
	expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations.map((v) => v.id)).toEqual([]);
	await page.goto('/en/my');
	await page.getByRole('link', { name: 'Request: Airport pickup' }).click();
	await page.getByRole('button', { name: 'Send the request' }).click();
	await expect(page.getByRole('status')).toContainText('is sent');
	const casePath = new URL(page.url()).pathname;
	await expectNoViolations(page, casePath);
});

test('the welcome centre’s and the international office’s pages have no violations for staff', async ({ page }) => {
	test.setTimeout(150_000);
	await signIn(page, 'enu.staff@demo.welcome.test');
	await expectNoViolations(page, '/en/workspace/enu/cases');
	await expectNoViolations(page, '/en/workspace/enu/cases/figures');
	await expectNoViolations(page, '/en/workspace/enu/buddies');
	await expectNoViolations(page, '/en/workspace/enu/buddies/new');
	await expectNoViolations(page, '/en/workspace/enu/pickups');
	await expectNoViolations(page, '/en/workspace/enu/pickups/new');
	await expectNoViolations(page, '/en/workspace/enu/partners');
	await expectNoViolations(page, '/en/workspace/enu/partners/new');
	await expectNoViolations(page, '/en/workspace/enu/agreements');
	await expectNoViolations(page, '/en/workspace/enu/agreements/new');
	await expectNoViolations(page, '/en/workspace/enu/agreements/import');
	await expectNoViolations(page, '/en/workspace/enu/agreements?expiry=next');
	// One case (the demo data has some).
	await page.goto('/en/workspace/enu/cases');
	const firstCase = await page.getByRole('table').getByRole('link').first().getAttribute('href');
	await expectNoViolations(page, firstCase!);
});
