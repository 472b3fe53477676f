import { expect, test } from './fixtures';
import { signIn } from './helpers';

test('an editor imports the institution’s prices; the profile lists them and the calculator uses them', async ({ page }) => {
	await signIn(page, 'enu.editor@demo.welcome.test');
	await page.goto('/en/workspace/enu/costs');
	await expect(page.getByRole('rowheader', { name: 'University dormitory' })).toBeVisible();
	await page.getByRole('link', { name: 'Import prices' }).click();

	const bad = ['category;period;low;typical;high;currency;note_en', 'food;daily;40000;60000;90000;KZT;Canteen'].join('\n');
	await page.getByLabel('Spreadsheet (.xlsx or .csv)').setInputFiles({ name: 'costs.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.getByRole('table').getByRole('row', { name: /2 period Use month, year or once/ })).toBeVisible();

	const good = ['category;period;low;typical;high;currency;note_en', 'food;month;40000;61000;90000;KZT;Canteen on campus and shops nearby'].join('\n');
	await page.getByLabel('Spreadsheet (.xlsx or .csv)').setInputFiles({ name: 'costs.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.getByText(/The file is correct: [01] new prices, [01] updated\./)).toBeVisible();
	await page.getByRole('button', { name: /Import 1 prices/ }).click();
	await expect(page.getByText('1 prices imported.')).toBeVisible();

	await page.goto('/en/institutions/enu');
	const prices = page.getByRole('region', { name: 'Prices at this institution' });
	await expect(prices.getByRole('row', { name: /Food/ })).toContainText('Canteen on campus and shops nearby');
	await prices.getByRole('link', { name: 'Estimate your budget' }).click();
	await expect(page.getByText(/With the prices of ENU/)).toBeVisible();
	await expect(page.getByRole('row', { name: /Food/ })).toContainText('61,000');
});

test('a wrong figure is explained next to its field, and what was typed stays', async ({ page }) => {
	await signIn(page, 'tongji.admin@demo.welcome.test');
	await page.goto('/en/workspace/tongji/costs/new');
	await page.getByLabel('Category').selectOption('transport');
	await page.getByLabel('Lowest').fill('200');
	await page.getByLabel('Typical').fill('100');
	await page.getByLabel('Highest').fill('300');
	await page.getByLabel('Currency').fill('CNY');
	await page.getByLabel('What is included · English').fill('Metro card');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('#f-typical-error')).toContainText('from low to typical to high');
	await expect(page.getByLabel('What is included · English')).toHaveValue('Metro card');
	await expect(page.getByLabel('Category')).toHaveValue('transport');
});
