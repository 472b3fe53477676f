import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { signIn } from './helpers';

// Without JavaScript, a form shows every saved text (textareas included) and saving it as it
// is changes nothing: the no-JS save once stored a FAQ revision with every answer empty.

async function textareas(page: Page) {
	return page.locator('main textarea').evaluateAll((areas) => areas.map((a) => [(a as HTMLTextAreaElement).name, (a as HTMLTextAreaElement).value] as const));
}

test('an editor saves a published FAQ answer without JavaScript, in Kazakh, and no text is lost', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, 'enu.editor@demo.welcome.test', undefined, 'kk');
	await page.goto('/kk/workspace/enu/faq');
	await page.locator('main td a[href*="/workspace/enu/faq/"]').first().click();
	const before = await textareas(page);
	// The seeded answer is shown in the form (the server once rendered every textarea empty).
	expect(before.filter(([name, value]) => name.startsWith('answer.') && value.trim() !== '').length).toBeGreaterThan(0);

	await page.getByRole('button', { name: 'Жобаны сақтау' }).click();
	await expect(page).toHaveURL(/done=saved/);
	await page.reload();
	expect(await textareas(page)).toEqual(before);
	await context.close();
});

test('a student keeps their interests when they save the profile without JavaScript, in Chinese', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, 'student@demo.welcome.test', undefined, 'zh');
	await page.goto('/zh/my/profile');
	const interests = page.locator('textarea[name="interests"]');
	await interests.fill('书法、登山\nhiking');
	await page.getByRole('button', { name: '保存', exact: true }).click();
	await page.goto('/zh/my/profile');
	await expect(interests).toHaveValue('书法、登山\nhiking');
	// Saved again as it is: still there.
	await page.getByRole('button', { name: '保存', exact: true }).click();
	await page.goto('/zh/my/profile');
	await expect(interests).toHaveValue('书法、登山\nhiking');
	await context.close();
});

test('an institution admin sees the saved description and factsheet texts without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, 'enu.admin@demo.welcome.test');
	for (const path of ['/en/workspace/enu/profile', '/en/workspace/enu/factsheet']) {
		await page.goto(path);
		const filled = (await textareas(page)).filter(([, value]) => value.trim() !== '');
		expect(filled.length, path).toBeGreaterThan(0);
	}
	await context.close();
});
