import { expect, test } from './fixtures';
import { signIn } from './helpers';

test("staff of one institution get 404 for another institution's workspace and members", async ({ page }) => {
	await signIn(page, 'enu.staff@demo.welcome.test');
	const own = await page.goto('/en/workspace/enu/members');
	expect(own?.status()).toBe(200);
	await expect(page.getByRole('cell', { name: 'enu.admin@demo.welcome.test' })).toBeVisible();

	for (const path of ['/en/workspace/tongji', '/en/workspace/tongji/members', '/en/workspace/tongji/audit']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(page.getByText('tongji.staff@demo.welcome.test')).toHaveCount(0);
	}
	// The same answer as for an institution that does not exist.
	expect((await page.goto('/en/workspace/no-such-place'))?.status()).toBe(404);
	expect((await page.goto('/en/admin/users'))?.status()).toBe(404);
});

test('an institution admin invites an editor, who joins from the mailed link', async ({ page, browser }) => {
	const email = `editor-${Date.now()}@example.org`;
	await signIn(page, 'tongji.admin@demo.welcome.test');
	await page.goto('/en/workspace/tongji/members');
	await page.locator('#invite ~ form input[name="email"]').fill(email);
	await page.locator('#invite ~ form select[name="role"]').selectOption('editor');
	await page.locator('#invite ~ form select[name="locale"]').selectOption('zh');
	await page.locator('#invite ~ form button[type="submit"]').click();
	await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();

	// A double submit is refused, not doubled.
	await page.locator('#invite ~ form input[name="email"]').fill(email);
	await page.locator('#invite ~ form button[type="submit"]').click();
	await expect(page.locator('#f-email-error')).toBeVisible();

	const admin = await browser.newContext();
	const adminPage = await admin.newPage();
	await signIn(adminPage, 'admin@demo.welcome.test');
	await adminPage.goto('/en/admin/outbox');
	await adminPage.getByRole('row', { name: new RegExp(email) }).getByRole('link').click();
	const link = (await adminPage.locator('ul a[href*="/invitations/"]').getAttribute('href'))!;
	expect(link).toContain('/zh/invitations/');
	await admin.close();

	const invitee = await browser.newContext();
	const inviteePage = await invitee.newPage();
	await inviteePage.goto(link);
	await inviteePage.locator('input[name="name"]').fill('Web editor, Tongji (test)');
	await inviteePage.locator('input[name="password"]').fill('bamboo in the evening rain');
	await inviteePage.locator('input[name="passwordConfirm"]').fill('bamboo in the evening rain');
	await inviteePage.locator('form.stack button[type="submit"]').click();
	await expect(inviteePage).toHaveURL(/\/zh\/sign-in/);
	await inviteePage.locator('input[name="password"]').fill('bamboo in the evening rain');
	await inviteePage.locator('form.stack button[type="submit"]').click();
	await expect(inviteePage).toHaveURL(/\/zh\/workspace\/tongji$/);
	expect((await inviteePage.goto('/zh/workspace/enu'))?.status()).toBe(404);
	await invitee.close();

	await page.goto('/en/workspace/tongji/audit');
	await expect(page.getByText('member.accept_invitation')).toBeVisible();
});
