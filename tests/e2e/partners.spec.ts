import { expect, test } from './fixtures';
import { signIn, signOut } from './helpers';

test('ENU staff keep UPC in their partner directory, in Russian; Tongji staff get 404 on it', async ({ page }) => {
	await signIn(page, 'enu.staff@demo.welcome.test', undefined, 'ru');
	await page.goto('/ru/workspace/enu');
	await page.getByRole('link', { name: 'Партнёры' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Справочник партнёров' })).toBeVisible();
	// UPC is on the platform: one click, nothing retyped.
	await page.getByRole('button', { name: 'Добавить Политехнический университет Каталонии в партнёры' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Политехнический университет Каталонии');
	await expect(page.getByText('Партнёр добавлен.')).toBeVisible();
	await expect(page.getByText('upc.edu', { exact: true })).toBeVisible();
	const partnerUrl = page.url().replace(/\?.*$/, '');

	await page.getByText('Добавить подразделение').first().click();
	await page.getByLabel('ID подразделения в EWP (ounit-id)').fill('ETSEIB-205');
	await page.getByRole('group', { name: 'Название подразделения' }).getByLabel('English').fill('School of Industrial Engineering');
	await page.getByRole('button', { name: 'Добавить подразделение' }).click();
	await expect(page.getByText('Подразделение добавлено.')).toBeVisible();

	// A phone without its country code: explained next to the field, the name typed stays.
	await page.getByText('Добавить контакт').first().click();
	await page.getByLabel('Полное имя').fill('Marta Puig');
	await page.getByLabel('Телефон в международном формате').fill('934016200');
	await page.getByRole('button', { name: 'Добавить контакт' }).click();
	await expect(page.locator('#contact-phone-error')).toContainText('с кодом страны');
	await expect(page.getByLabel('Полное имя')).toHaveValue('Marta Puig');
	await page.getByLabel('Телефон в международном формате').fill('+34 934 016 200');
	await page.getByLabel('Подразделение', { exact: true }).selectOption({ label: 'School of Industrial Engineering' });
	await page.getByLabel('Входящая мобильность').check();
	await page.getByRole('button', { name: 'Добавить контакт' }).click();
	await expect(page.getByText('Контакт добавлен.')).toBeVisible();
	await expect(page.getByRole('row', { name: /Marta Puig/ })).toContainText('Входящая мобильность');
	await expect(page.getByRole('row', { name: /Marta Puig/ })).toContainText('+34934016200');

	await signOut(page);
	await signIn(page, 'tongji.staff@demo.welcome.test');
	const response = await page.goto(partnerUrl);
	expect(response?.status()).toBe(404);
	const theirs = await page.goto(partnerUrl.replace('/workspace/enu/', '/workspace/tongji/'));
	expect(theirs?.status()).toBe(404);
});
