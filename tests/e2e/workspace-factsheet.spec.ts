import { expect, test } from './fixtures';
import { signIn } from './helpers';

test('an admin corrects figures and contacts; a wrong value is explained next to its field and nothing typed is lost', async ({ page }) => {
	await signIn(page, 'tongji.admin@demo.welcome.test');
	await page.goto('/en/workspace/tongji/factsheet');
	await expect(page.getByRole('heading', { level: 1, name: 'Figures, contacts and admission' })).toBeVisible();
	await page.locator('#f-officePhone').fill('call us');
	await page.locator('#f-decisionWeeksLimit').fill('60');
	await page.getByLabel('Accessibility and support for people with disabilities · English').fill('Step-free access to the international office; sign-language interpreting on request.');
	await page.getByRole('checkbox', { name: 'Portfolio' }).check();
	await page.getByRole('button', { name: 'Save' }).click();

	await expect(page.locator('#f-officePhone-error')).toContainText('telephone number');
	await expect(page.locator('#f-decisionWeeksLimit-error')).toContainText('whole number');
	await expect(page.getByLabel('Accessibility and support for people with disabilities · English')).toHaveValue(/Step-free access/);
	await expect(page.getByRole('checkbox', { name: 'Portfolio' })).toBeChecked();

	await page.locator('#f-officePhone').fill('+86 21 6598 0000');
	await page.locator('#f-decisionWeeksLimit').fill('6');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();

	await page.goto('/en/institutions/tongji');
	await expect(page.getByRole('link', { name: '+86 21 6598 0000' })).toHaveAttribute('href', 'tel:+862165980000');
	await expect(page.getByText('Step-free access to the international office')).toBeVisible();
	await expect(page.getByRole('row', { name: /Decision within/ })).toContainText('6 weeks');
	await expect(page.getByRole('row', { name: /Additional requirements/ })).toContainText('Portfolio');
});

test('a translator sees only the texts to translate, not the figures', async ({ page }) => {
	await signIn(page, 'enu.translator@demo.welcome.test');
	await page.goto('/en/workspace/enu/factsheet');
	await expect(page.getByText('you can translate the texts below')).toBeVisible();
	await expect(page.locator('#f-students')).toHaveCount(0);
	await expect(page.getByLabel('Accommodation · Қазақша')).toHaveAttribute('readonly', '');
	await expect(page.getByLabel('Accommodation · 简体中文')).toBeEditable();
});
