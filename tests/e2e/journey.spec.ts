import { expect, test } from './fixtures';
import { watchForeignRequests } from './helpers';

/**
 * The portal's promise: in any of the four languages, from the home page to a programme that
 * fits, its institution, the scholarships it qualifies for, a budget, and a dated arrival
 * timeline in the visitor's calendar.
 */
const JOURNEYS = [
	{ locale: 'zh', findProgramme: '查找学习项目', planCta: '规划您的抵达', budgetCta: '估算生活费', csc: '中国政府奖学金', shanghai: '上海' },
	{ locale: 'ru', findProgramme: 'Найти программу', planCta: /приезд/i, budgetCta: 'Рассчитать бюджет', csc: 'Стипендия правительства КНР', shanghai: 'Шанхай' },
	{ locale: 'kk', findProgramme: /Бағдарлама/, planCta: /келу/i, budgetCta: 'Бюджетті есептеу', csc: 'ҚХР Үкіметінің стипендиясы', shanghai: 'Шанхай' },
	{ locale: 'en', findProgramme: 'Find a programme', planCta: 'Plan your arrival', budgetCta: 'Estimate your budget', csc: 'Chinese Government Scholarship', shanghai: 'Shanghai' }
];

for (const j of JOURNEYS) {
	test(`in ${j.locale}: home → programme → institution → scholarship → budget → arrival timeline in the calendar`, async ({ page, baseURL }) => {
		test.setTimeout(60_000);
		const foreign = watchForeignRequests(page, baseURL!);
		await page.goto(`/${j.locale}`);
		await page.locator('main').getByRole('link', { name: j.findProgramme }).first().click();
		// The finder, loaded and hydrated: a box ticked before hydration is reset by it.
		await page.waitForURL(/\/programmes$/);
		await page.waitForLoadState('networkidle');
		await page.locator('input[name="level"][value="master"]').check();
		await page.locator('select[name="country"]').selectOption('CN');
		await page.locator('select[name="institution"]').selectOption('tongji');
		await page.locator('select[name="language"]').selectOption('en');
		await page.locator('form.filters button[type="submit"]').click();
		await page.locator('ul.programmes > li').filter({ hasText: /40/ }).getByRole('link').first().click();
		await expect(page).toHaveURL(new RegExp(`/${j.locale}/institutions/tongji/programmes/civil-engineering-meng$`));

		// The scholarships it qualifies for.
		await expect(page.locator('#scholarships ~ ul')).toContainText(j.csc);

		// Its institution, and back.
		await page.locator('main p.muted a[href$="/institutions/tongji"]').click();
		await expect(page.locator('#programmes ~ ul')).toContainText(/./);
		await page.goBack();

		// A budget for the city.
		await page.locator('main').getByRole('link', { name: j.budgetCta }).click();
		await expect(page).toHaveURL(/costs\?city=Shanghai/);
		// The cities are named in the reader's language, in their alphabet's order.
		await expect(page.locator('select[name="city"] option:checked')).toContainText(j.shanghai);
		const cities = (await page.locator('select[name="city"] option').allTextContents()).slice(1);
		expect(cities).toEqual([...cities].sort(new Intl.Collator(j.locale).compare));
		await page.locator('select[name="currency"]').selectOption('KZT');
		// The last button calculates (the one beside "where you study" lists a university's programmes).
		await page.locator('form.calc button[type="submit"]').last().click();
		await expect(page.locator('#budget')).toContainText(/¥|CN¥|元/);
		await expect(page.locator('section[aria-labelledby="budget"]')).toContainText('₸');

		// A dated arrival timeline, in the calendar.
		await page.goto(`/${j.locale}/institutions/tongji/programmes/civil-engineering-meng`);
		await page.locator('main').getByRole('link', { name: j.planCta }).first().click();
		await expect(page.locator('select[name="institution"]')).toHaveValue('tongji');
		await page.locator('select[name="nationality"]').selectOption('KZ');
		await page.locator('input[name="arrival"]').fill('2027-08-30');
		await page.locator('form.planner button[type="submit"]').click();
		await expect(page.locator('ol.timeline > li')).not.toHaveCount(0);
		const ics = await page.request.get((await page.locator('a[href*="calendar.ics"]').getAttribute('href'))!);
		expect(await ics.text()).toContain('DTSTART;VALUE=DATE:20270830');
		expect(foreign).toEqual([]);
	});
}
