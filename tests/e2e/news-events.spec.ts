import { expect, test } from './fixtures';

test('the home page shows upcoming events and the latest news, each with its own page', async ({ page }) => {
	await page.goto('/zh');
	const events = page.locator('section[aria-labelledby="home-events"]');
	await expect(events.locator('li')).not.toHaveCount(0);
	await page.goto('/zh/events/conference-beijing-2019');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('会议');
	const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
	expect(ld).toMatchObject({ '@type': 'Event', startDate: '2019-05-14', endDate: '2019-05-16' });
	const ics = await page.request.get('/zh/events/conference-beijing-2019/event.ics');
	expect(ics.headers()['content-type']).toContain('text/calendar');
	expect(await ics.text()).toContain('DTSTART;VALUE=DATE:20190514');
});

test('event lists name institutions in the reader’s script: 同济 in Chinese, Тунцзи and ЕҰУ in Kazakh', async ({ page }) => {
	await page.goto('/zh/events');
	const tongjiOpenDay = page.locator('li').filter({ has: page.locator('a[href="/zh/events/open-day-tongji-2027"]') });
	await expect(tongjiOpenDay).toContainText('同济');
	await expect(tongjiOpenDay).not.toContainText('Tongji');
	await page.goto('/kk/events');
	await expect(page.locator('li').filter({ has: page.locator('a[href="/kk/events/open-day-tongji-2027"]') })).toContainText('Тунцзи');
	await expect(page.locator('li').filter({ has: page.locator('a[href="/kk/events/welcome-week-enu-2027"]') })).toContainText('ЕҰУ');
});

test('news has an Atom feed and the events calendar can be subscribed to', async ({ request }) => {
	const feed = await request.get('/kk/news/feed.xml');
	expect(feed.headers()['content-type']).toContain('application/atom+xml');
	expect(await feed.text()).toContain('xml:lang="kk"');
	const calendar = await request.get('/en/events/calendar.ics');
	expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
	expect((await request.get('/en/events/no-such-event')).status()).toBe(404);
	expect((await request.get('/en/news/no-such-news')).status()).toBe(404);
});

test('the documents library filters by type and language without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/ru/documents');
	await page.locator('select[name="kind"]').selectOption('guide');
	await page.locator('form.filters button').click();
	await expect(page).toHaveURL(/kind=guide/);
	await expect(page.locator('tbody tr')).toHaveCount(2);
	await context.close();
});
