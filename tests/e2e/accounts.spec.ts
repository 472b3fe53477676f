import { expect, test } from './fixtures';
import { signIn, signOut } from './helpers';

test('a new student signs up in Russian, confirms the address from the outbox and signs in', async ({ page }) => {
	const email = `student-${Date.now()}@example.org`;
	await page.goto('/ru/sign-up');
	await page.getByLabel('Полное имя').fill('Айдана Тестова');
	await page.locator('input[name="email"]').fill(email);
	await page.locator('input[name="password"]').fill('short');
	await page.locator('input[name="passwordConfirm"]').fill('short');
	await page.locator('form.stack button[type="submit"]').click();
	// The error is next to the field, in Russian, and what was typed is still there.
	await expect(page.locator('#f-password-error')).toContainText('10');
	await expect(page.locator('input[name="email"]')).toHaveValue(email);
	await expect(page.getByLabel('Полное имя')).toHaveValue('Айдана Тестова');

	await page.locator('input[name="password"]').fill('белые облака над степью');
	await page.locator('input[name="passwordConfirm"]').fill('белые облака над степью');
	await page.locator('form.stack button[type="submit"]').click();
	await expect(page.getByRole('status')).toContainText(email);

	// Signing in before confirming: told so on the form, in Russian, with the address still typed.
	await page.goto('/ru/sign-in');
	await page.locator('input[name="email"]').fill(email);
	await page.locator('input[name="password"]').fill('белые облака над степью');
	await page.locator('form.stack button[type="submit"]').click();
	await expect(page.getByRole('alert')).toContainText('подтвердите');
	await expect(page.locator('input[name="email"]')).toHaveValue(email);

	// The platform admin reads the message in the outbox (no SMTP here) and opens its link.
	await signIn(page, 'admin@demo.welcome.test');
	await page.goto('/en/admin/outbox');
	// Newest first: the link sent again when they tried to sign in unconfirmed.
	await page.getByRole('row', { name: new RegExp(email) }).first().getByRole('link').click();
	const link = await page.locator('ul a[href*="verify-email"]').getAttribute('href');
	expect(link).toContain('/ru/verify-email?token=');
	await signOut(page);

	await page.goto(link!);
	await expect(page.getByRole('status')).toBeVisible();
	await signIn(page, email, 'белые облака над степью', 'ru');
	// An incoming person lands in their welcome space.
	await expect(page).toHaveURL(/\/ru\/my$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Моё пространство');
});

test('a wrong password gets a clear message and keeps the e-mail typed', async ({ page }) => {
	await page.goto('/zh/sign-in');
	await page.locator('input[name="email"]').fill('enu.staff@demo.welcome.test');
	await page.locator('input[name="password"]').fill('not-the-password');
	await page.locator('form.stack button[type="submit"]').click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expect(page.locator('input[name="email"]')).toHaveValue('enu.staff@demo.welcome.test');
	await expect(page).toHaveURL(/\/zh\/sign-in/);
});

test('forms work without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/en/sign-in');
	await page.locator('input[name="email"]').fill('enu.editor@demo.welcome.test');
	await page.locator('input[name="password"]').fill('welcome-demo-2026');
	await page.locator('form.stack button[type="submit"]').click();
	await expect(page).toHaveURL(/\/en\/account$/);
	await page.getByLabel('Full name').fill('Web editor, ENU (demo, renamed)');
	await page.locator('select[name="locale"]').selectOption('kk');
	await page.locator('form.stack button[type="submit"]').click();
	await expect(page).toHaveURL(/\/kk\/account\?saved=1$/);
	await expect(page.getByLabel('Аты-жөні')).toHaveValue('Web editor, ENU (demo, renamed)');
	await context.close();
});
