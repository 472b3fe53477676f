import { expect, test } from './fixtures';
import { signIn, signOut } from './helpers';

test('an institution admin adds a question to a welcome service and tries the form; staff read it; the profile lists the services', async ({ page }) => {
	const key = `seat_${Date.now() % 100000}`;
	await signIn(page, 'enu.admin@demo.welcome.test');
	await page.goto('/en/workspace/enu/services');
	await page.getByRole('link', { name: 'Airport pickup', exact: true }).click();

	// The first blank row adds a question; a row without its label in the institution's language is refused, nothing lost.
	const row = page.getByRole('group', { name: 'Question 6' });
	await row.getByLabel('Key').fill(key);
	await row.getByLabel('Type of answer').selectOption('checkbox');
	await row.getByLabel('Question · English').fill('I travel with a small child (child seat needed)');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('#q\\.5\\.label-kk-error')).toBeVisible();
	await expect(page.getByRole('group', { name: 'Question 6' }).getByLabel('Question · English')).toHaveValue('I travel with a small child (child seat needed)');
	await page.getByRole('group', { name: 'Question 6' }).getByLabel('Question · Қазақша').fill('Кішкентай баламен ұшамын (бала орындығы керек)');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();

	await page.getByRole('link', { name: 'Try the form' }).click();
	await expect(page.getByLabel('I travel with a small child (child seat needed)')).toBeVisible();
	await page.getByRole('button', { name: 'Check the answers' }).click();
	await expect(page.locator('#f-flight-error')).toBeVisible();
	await page.getByLabel(/Flight number/).fill('KC 910');
	await page.getByLabel(/Arrival date/).fill('2027-08-30');
	await page.getByLabel(/Arrival time/).fill('23:40');
	await page.getByLabel(/Number of people/).fill('2');
	await page.getByRole('button', { name: 'Check the answers' }).click();
	await expect(page.getByText('All answers are valid.')).toBeVisible();

	await page.goto('/en/institutions/enu');
	await expect(page.getByRole('heading', { name: 'Services of the welcome centre' })).toBeVisible();
	await expect(page.getByText('Answered within 3 working days').first()).toBeVisible();
});

test('staff read the catalogue but cannot change it; another institution gets 404', async ({ page }) => {
	await signIn(page, 'enu.staff@demo.welcome.test');
	await page.goto('/en/workspace/enu/services');
	await page.getByRole('link', { name: 'Airport pickup', exact: true }).click();
	await expect(page).toHaveURL(/\/preview$/);
	const id = page.url().split('/').at(-2)!;
	expect((await page.goto(`/en/workspace/enu/services/${id}`))?.status()).toBe(403);
	await signOut(page);
	await signIn(page, 'tongji.admin@demo.welcome.test');
	expect((await page.goto(`/en/workspace/enu/services/${id}/preview`))?.status()).toBe(404);
});
