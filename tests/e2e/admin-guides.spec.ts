import { expect, test } from './fixtures';
import { signIn } from './helpers';

test('a platform admin updates a country guide in Chinese with its source, and the guide shows it', async ({ page }) => {
	await signIn(page, 'admin@demo.welcome.test');
	await page.goto('/en/admin/countries');
	await page.getByRole('link', { name: 'Kazakhstan' }).click();
	// Typing before the client-side navigation has settled ended with the old text appended (CI, under load).
	await page.waitForURL(/\/admin\/countries\/kz$/);
	await page.waitForLoadState('networkidle');
	const text = `哈萨克斯坦欢迎国际学生 ${Date.now()}`;
	await page.getByLabel('Summary · 简体中文').fill(text);
	await page.getByLabel('Checked on').fill('2026-13-01');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('#f-verifiedOn-error')).toBeVisible();
	await expect(page.getByLabel('Summary · 简体中文')).toHaveValue(text);
	await page.getByLabel('Checked on').fill('2026-11-28');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toBeVisible();

	await page.goto('/zh/countries/kz');
	await expect(page.getByText(text)).toBeVisible();
});

test('only platform admins edit country guides', async ({ page }) => {
	await signIn(page, 'enu.admin@demo.welcome.test');
	expect((await page.goto('/en/admin/countries/kz'))?.status()).toBe(404);
});

test('a country editor adds a step before arrival for researchers and a holiday; withdrawing the step takes it off the guide', async ({ page }) => {
	const title = `Collect the residence card ${Date.now()}`;
	await signIn(page, 'countries@demo.welcome.test');
	await page.goto('/en/admin');
	await expect(page).toHaveURL(/\/en\/admin\/countries$/);
	await expect(page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link')).toHaveText(['Country guides']);
	expect((await page.goto('/en/admin/users'))?.status()).toBe(404);

	await page.goto('/en/admin/countries/se');
	await page.getByRole('link', { name: /Steps after arrival/ }).click();
	await page.getByRole('link', { name: 'New step' }).click();
	await page.getByLabel('Code', { exact: true }).fill(`e2e_${Date.now()}`);
	await page.getByLabel('Counted from').selectOption('before_arrival');
	await page.getByLabel('Deadline: how many hours or days').fill('7');
	await page.getByLabel('Counted in').selectOption('calendar_days');
	await page.getByLabel('Who does it').selectOption('self');
	await page.getByRole('checkbox', { name: 'Research' }).check();
	await page.getByLabel('Source', { exact: true }).fill('https://www.migrationsverket.se/');
	await page.getByLabel('Checked on').fill('2026-11-28');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('#title-en-error')).toContainText('Write the English text');
	await expect(page.getByLabel('Deadline: how many hours or days')).toHaveValue('7');
	await expect(page.getByRole('checkbox', { name: 'Research' })).toBeChecked();
	await expect(page.getByLabel('Counted from')).toHaveValue('before_arrival');

	await page.getByLabel('Step · English').fill(title);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	const editor = page.url();

	await page.goto('/en/countries/se');
	const step = page.locator('ol.rules > li').filter({ hasText: title });
	await expect(step).toContainText('7 days before arrival');
	await expect(step).toContainText('Purpose: Research');
	await page.goto(editor);
	await page.getByRole('button', { name: 'Withdraw' }).click();
	await expect(page.getByText('Withdrawn: the guide and the arrival planner no longer use it.')).toBeVisible();
	await page.goto('/en/countries/se');
	await expect(page.getByText(title)).toHaveCount(0);

	await page.goto('/en/admin/countries/se/calendar?year=2031');
	await page.getByLabel('Date', { exact: true }).fill('2031-06-10');
	await page.getByLabel('Name · English').fill('E2E extra holiday');
	await page.getByLabel('Source', { exact: true }).fill('https://www.riksdagen.se/');
	await page.getByLabel('Checked on').fill('2026-11-28');
	await page.getByRole('button', { name: 'Add, or replace the day on that date' }).click();
	await expect(page.getByRole('row', { name: /E2E extra holiday/ })).toContainText('Public holiday');
});
