import { expect, test } from './fixtures';

test('searching from the home page finds pages in Chinese, Russian and Latin script', async ({ page }) => {
	await page.goto('/zh');
	await page.getByRole('search').getByRole('searchbox').fill('同济');
	await page.getByRole('search').getByRole('button').click();
	await expect(page).toHaveURL(/\/zh\/search\?q=/);
	await expect(page.locator('ol.results > li').first()).toContainText('同济大学');

	await page.goto('/ru/search?q=стипендия');
	await expect(page.locator('ol.results')).toContainText('Стипендия правительства КНР');

	await page.goto('/en/search?q=aeronautical');
	await page.locator('ol.results a').first().click();
	await expect(page).toHaveURL(/\/en\/institutions\/buaa\/programmes\/aeronautical-engineering-msc$/);
});

test('an empty or odd search is answered calmly', async ({ page }) => {
	const response = await page.goto('/en/search?q=%25%25%25&kind=nonsense');
	expect(response?.status()).toBe(200);
	await expect(page.getByText('Nothing found')).toBeVisible();
});
