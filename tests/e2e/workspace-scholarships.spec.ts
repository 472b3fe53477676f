import { expect, test } from './fixtures';
import { signIn } from './helpers';

test('an editor adds a scholarship of their own; it is found by the scholarship finder once published', async ({ page }) => {
	const slug = `e2e-grant-${Date.now()}`;
	await signIn(page, 'enu.editor@demo.welcome.test');
	await page.goto('/en/workspace/enu/scholarships');
	await expect(page.getByRole('link', { name: 'Housing grant for exchange students' })).toBeVisible();
	await page.getByRole('link', { name: 'New scholarship' }).click();

	await page.getByLabel('Web address name').fill(slug);
	await page.getByRole('checkbox', { name: 'Tuition' }).check();
	await page.getByRole('checkbox', { name: 'Stipend' }).check();
	await page.getByLabel('Monthly stipend').fill('120000');
	await page.getByLabel('Not for these nationalities').fill('KZ');
	await page.getByLabel('Name of the scholarship · Қазақша').fill('Ректор гранты');
	await page.getByRole('button', { name: 'Create draft' }).click();
	// No level ticked, no currency: both explained, and the ticked boxes stay ticked.
	await expect(page.locator('#levels-error')).toBeVisible();
	await expect(page.locator('#f-stipendCurrency-error')).toBeVisible();
	await expect(page.getByRole('checkbox', { name: 'Stipend' })).toBeChecked();
	await expect(page.getByLabel('Name of the scholarship · Қазақша')).toHaveValue('Ректор гранты');

	await page.getByRole('checkbox', { name: 'Master' }).check();
	await page.getByLabel('Currency of the stipend').fill('KZT');
	for (const [language, name, summary] of [
		['Қазақша', 'Ректор гранты', 'Шетелдік магистранттарға оқу ақысы мен стипендия.'],
		['Русский', 'Грант ректора', 'Обучение и стипендия для иностранных магистрантов.'],
		['English', 'Rector’s grant', 'Tuition and a monthly stipend for international master students.']
	]) {
		await page.getByLabel(`Name of the scholarship · ${language}`).fill(name!);
		await page.getByLabel(`Summary · ${language}`).fill(summary!);
	}
	await page.getByRole('button', { name: 'Create draft' }).click();
	await page.getByRole('button', { name: 'Save and publish' }).click();
	await expect(page.getByText('Published. The portal shows it now.')).toBeVisible();

	await page.goto('/en/scholarships?nationality=CN&level=master');
	await page.getByRole('link', { name: 'Rector’s grant' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Rector’s grant' })).toBeVisible();
	await expect(page.getByText(/120,000/)).toBeVisible();
	await page.goto('/en/scholarships?nationality=KZ&level=master');
	await expect(page.getByRole('link', { name: 'Rector’s grant' })).toHaveCount(0);
});
