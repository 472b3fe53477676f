import { expect, test } from './fixtures';
import { signIn, signOut } from './helpers';

test('ENU staff keep TalTech in their partner directory, in Russian; Tongji staff get 404 on it', async ({ page }) => {
	await signIn(page, 'enu.staff@demo.welcome.test', undefined, 'ru');
	await page.goto('/ru/workspace/enu');
	await page.getByRole('link', { name: 'Партнёры' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Справочник партнёров' })).toBeVisible();
	// TalTech is on the platform: one click, nothing retyped.
	await page.getByRole('button', { name: 'Добавить Таллинский технический университет в партнёры' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Таллинский технический университет');
	await expect(page.getByText('Партнёр добавлен.')).toBeVisible();
	await expect(page.getByText('taltech.ee', { exact: true })).toBeVisible();
	const partnerUrl = page.url().replace(/\?.*$/, '');

	await page.getByText('Добавить подразделение').first().click();
	await page.getByLabel('ID подразделения в EWP (ounit-id)').fill('TALTECH-IT');
	await page.getByRole('group', { name: 'Название подразделения' }).getByLabel('English').fill('School of Information Technologies');
	await page.getByRole('button', { name: 'Добавить подразделение' }).click();
	await expect(page.getByText('Подразделение добавлено.')).toBeVisible();

	// A phone without its country code: explained next to the field, the name typed stays.
	await page.getByText('Добавить контакт').first().click();
	await page.getByLabel('Полное имя').fill('Mari Tamm');
	await page.getByLabel('Телефон в международном формате').fill('934016200');
	await page.getByLabel('Входящая мобильность').check();
	await page.getByRole('button', { name: 'Добавить контакт' }).click();
	await expect(page.locator('#contact-phone-error')).toContainText('с кодом страны');
	await expect(page.getByLabel('Полное имя')).toHaveValue('Mari Tamm');
	await expect(page.getByLabel('Входящая мобильность')).toBeChecked();
	await page.getByLabel('Телефон в международном формате').fill('+372 620 2002');
	await page.getByLabel('Подразделение', { exact: true }).selectOption({ label: 'School of Information Technologies' });
	await page.getByRole('button', { name: 'Добавить контакт' }).click();
	await expect(page.getByText('Контакт добавлен.')).toBeVisible();
	await expect(page.getByRole('row', { name: /Mari Tamm/ })).toContainText('Входящая мобильность');
	await expect(page.getByRole('row', { name: /Mari Tamm/ })).toContainText('+3726202002');

	await signOut(page);
	await signIn(page, 'tongji.staff@demo.welcome.test');
	const response = await page.goto(partnerUrl);
	expect(response?.status()).toBe(404);
	const theirs = await page.goto(partnerUrl.replace('/workspace/enu/', '/workspace/tongji/'));
	expect(theirs?.status()).toBe(404);
});
