import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a platform admin updates a country guide in Chinese with its source, and the guide shows it', async ({ page }) => {
	await signIn(page, 'admin@demo.welcome.test');
	await page.goto('/en/admin/countries');
	await page.getByRole('link', { name: 'Kazakhstan' }).click();
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
