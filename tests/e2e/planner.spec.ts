import { expect, test } from '@playwright/test';
import { watchForeignRequests } from './helpers';

test('a visitor reads the China guide in Chinese and plans a dated arrival at Tongji, then downloads it', async ({ page, baseURL }) => {
	const foreign = watchForeignRequests(page, baseURL!);
	await page.goto('/zh/countries');
	await page.getByRole('link', { name: '中国' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('中国');
	await expect(page.getByRole('heading', { name: /X1/ })).toBeVisible();
	await page.getByRole('link', { name: /规划/ }).first().click();
	await expect(page).toHaveURL(/\/zh\/arrival-planner$/);

	await page.locator('select[name="institution"]').selectOption('tongji');
	await page.locator('select[name="nationality"]').selectOption('KZ');
	await page.locator('select[name="stay"]').selectOption('300');
	await page.locator('input[name="arrival"]').fill('2027-09-01');
	await page.locator('input[name="time"]').fill('22:40');
	await page.locator('select[name="housing"]').selectOption('off_campus');
	await page.locator('form.planner button[type="submit"]').click();

	// The filters are in the URL: the timeline can be shared and bookmarked.
	await expect(page).toHaveURL(/institution=tongji.*arrival=2027-09-01/);
	const steps = page.locator('ol.timeline > li');
	await expect(steps.first()).toContainText('2027');
	await expect(page.locator('ol.timeline')).toContainText('2027年9月2日');
	await expect(page.locator('ol.timeline')).toContainText('22:40');
	await expect(page.locator('ol.timeline')).toContainText('2027年10月1日');

	const ics = await page.request.get(await page.getByRole('link', { name: /\.ics/ }).getAttribute('href') as string);
	expect(ics.headers()['content-type']).toContain('text/calendar');
	const body = await ics.text();
	expect(body).toContain('BEGIN:VCALENDAR');
	expect(body).toContain('DTSTART;VALUE=DATE:20270902');
	expect(foreign).toEqual([]);
});

test('the planner works without JavaScript and explains an impossible date next to the field', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const response = await page.goto('/ru/arrival-planner?institution=enu&nationality=IN&stay=300&arrival=2027-02-30&housing=unknown');
	expect(response?.status()).toBe(200);
	await expect(page.locator('#f-arrival-error')).toBeVisible();
	await expect(page.locator('select[name="nationality"]')).toHaveValue('IN');
	await page.goto('/ru/arrival-planner?institution=enu&nationality=IN&stay=300&arrival=2027-03-19&housing=unknown');
	await expect(page.locator('ol.timeline')).toContainText('26 марта 2027');
	await context.close();
});
