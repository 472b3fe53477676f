import { test } from './fixtures';
import { expectNoViolations } from './axe';

// The public pages in every language; on the journeys' server, to balance the two (the sweeps run the rest of accessibility.spec.ts).
for (const locale of ['en', 'ru', 'kk', 'zh']) {
	test(`public pages in ${locale} have no WCAG 2.2 AA violations`, async ({ page }) => {
		test.setTimeout(240_000); // about 35 pages, each through axe, on a shared CI machine
		for (const path of ['', '/institutions', '/institutions/enu', '/institutions/kth', '/programmes', '/programmes?level=master&country=CN&sort=tuition', '/institutions/tongji/programmes/civil-engineering-meng', '/scholarships', '/scholarships?nationality=KZ&covers=stipend', '/scholarships/chinese-government-scholarship', '/costs', '/costs?city=Perpignan&housing=housing_dorm&lifestyle=low&months=5&currency=KZT', '/costs?institution=tongji&programme=civil-engineering-meng&scholarship=chinese-government-scholarship&months=10&funds=20000&currency=KZT', '/costs?city=Astana&tuition=own&tuitionAmount=abc', '/search', '/search?q=tongji', '/news', '/news/planner-launch', '/events', '/events/conference-beijing-2019', '/documents', '/countries', '/countries/kz', '/countries/cn', '/countries/es', '/arrival-planner', '/arrival-planner?institution=tongji&nationality=IN&stay=300&arrival=2027-09-01&time=10:00&housing=unknown', '/verify', '/verify/AAAA-BBBB-CCCC', '/sign-in', '/sign-up', '/forgot-password', '/no-such-page']) {
			await expectNoViolations(page, `/${locale}${path}`);
		}
	});
}
