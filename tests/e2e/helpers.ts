import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'welcome-demo-2026';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, locale = 'en') {
	await page.goto(`/${locale}/sign-in`);
	await page.locator('input[name="email"]').fill(email);
	await page.locator('input[name="password"]').fill(password);
	await page.locator('form.stack button[type="submit"]').click();
	await expect(page).not.toHaveURL(/sign-in/);
}

export async function signOut(page: Page) {
	await page.context().clearCookies();
}

/** How far the page is wider than the screen (0 or less: it fits). */
export async function horizontalOverflow(page: Page) {
	return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Records every request the page makes to a host other than the app's. */
export function watchForeignRequests(page: Page, baseURL: string) {
	const foreign: string[] = [];
	const origin = new URL(baseURL).origin;
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(origin) && !url.startsWith('data:')) foreign.push(url);
	});
	return foreign;
}

/** The bytes of a response's header section as sent (`name: value` lines), which proxies buffer. */
export const headerSize = (headers: { name: string; value: string }[]) => headers.reduce((sum, h) => sum + Buffer.byteLength(`${h.name}: ${h.value}\r\n`), 0);
