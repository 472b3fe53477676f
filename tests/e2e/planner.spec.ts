import { expect, test } from './fixtures';
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

test('in Chinese, a Kazakh researcher planning 20 days at Tongji sees the visa exemption and no X1; as a student the visa comes back', async ({ page }) => {
	// A link the host sent: a researcher, 20 days (not one of the form's lengths).
	await page.goto('/zh/arrival-planner?institution=tongji&nationality=KZ&purpose=research&stay=20&arrival=2027-05-10&time=&housing=off_campus');
	await expect(page.locator('select[name="purpose"]')).toHaveValue('research');
	await expect(page.locator('select[name="stay"] option:checked')).toHaveText('20 天');
	const result = page.locator('section.result');
	await expect(result).toContainText('您的签证：哈萨克斯坦公民免签（30 天以内）');
	await expect(result).toContainText('2023 年 11 月 10 日');
	await expect(result).not.toContainText('X1');
	// Visa-free: nothing to apply for; the police registration within 24 hours still applies.
	const steps = page.locator('ol.timeline > li');
	await expect(steps.filter({ hasText: '开始办理签证' })).toHaveCount(0);
	await expect(steps.filter({ hasText: '到当地派出所办理住宿登记' })).toBeVisible();
	// Not confirmed by an official page yet: it says so.
	await expect(result.locator('.provenance').first()).toContainText('请向院校核实');

	// The same 20 days to study: the exemption is not for study.
	await page.locator('select[name="purpose"]').selectOption('study');
	await page.locator('form.planner button[type="submit"]').click();
	await expect(page).toHaveURL(/purpose=study/);
	await expect(result).toContainText('短期学习签证（X2）');
	await expect(steps.filter({ hasText: '开始办理签证' })).toHaveCount(1);
});

test('in Kazakh, a student planning two years at ENU sees the yearly C9 renewal before the first year ends', async ({ browser }) => {
	// Without JavaScript: the form is a plain GET.
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/kk/arrival-planner');
	await page.locator('select[name="institution"]').selectOption('enu');
	await page.locator('select[name="nationality"]').selectOption('IN');
	await expect(page.locator('select[name="purpose"]')).toHaveValue('study');
	await page.locator('select[name="stay"]').selectOption('730');
	await page.locator('input[name="arrival"]').fill('2027-08-30');
	await page.locator('select[name="housing"]').selectOption('on_campus');
	await page.locator('form.planner button[type="submit"]').click();

	await expect(page.locator('section.result')).toContainText('Студенттік виза (C9)');
	const renewal = page.locator('ol.timeline > li').filter({ hasText: 'Студенттік визаңызды (C9) келесі жылға ұзартыңыз' });
	await expect(renewal).toHaveCount(1);
	// 30 days before the first anniversary of arrival (30 August 2028).
	await expect(renewal.locator('time')).toHaveAttribute('datetime', '2028-07-31');
	await expect(renewal).toContainText('Болу мерзімінің әр жылы аяқталуына 30 күн қалғанда');
	await expect(renewal).toContainText('болудың 1-жылы');
	// The longer timeline: insurance before arrival, the dormitory's certificate and the IIN after.
	const timeline = page.locator('ol.timeline');
	await expect(timeline).toContainText('Бүкіл болу мерзіміне медициналық сақтандыру рәсімдеңіз');
	await expect(timeline).toContainText('Жатақханаға арналған медициналық анықтама');
	await expect(timeline).toContainText('Жеке сәйкестендіру нөмірін (ЖСН) алыңыз');

	const ics = await page.request.get((await page.locator('a[download="welcome-arrival.ics"]').getAttribute('href'))!);
	const body = (await ics.text()).replace(/\r\n /g, '');
	expect(body).toContain('DTSTART;VALUE=DATE:20280731');
	expect(body).toContain('(болудың 1-жылы)');
	await context.close();
});
