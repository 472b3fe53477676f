import { expect, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';

// The cost calculator once left tuition out and showed no proof-of-funds comparison. Found in
// Chinese and Kazakh: so tested there, with and without JavaScript.

/** The whole number in a formatted amount ("₸1,800,000", "1 800 000 ₸"). */
const amount = async (cell: Locator) => Number((await cell.innerText()).replace(/\D/g, ''));
/** A row of the stay's totals, by its heading ("学费", not "含学费总计"). */
const summaryRow = (page: Page, name: string) => page.locator('table.summary').first().locator('tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

test('in Chinese, a student chooses a programme at ENU: its tuition joins the total, compared with their money', async ({ page }) => {
	await page.goto('/zh/costs');
	await page.getByLabel('城市').selectOption('Astana');
	await page.getByRole('button', { name: '计算', exact: true }).click();
	await expect(page).toHaveURL(/city=Astana/);
	// Nothing said about tuition yet: the page says it is not in the total.
	await expect(page.getByText('尚未计入学费')).toBeVisible();

	// Where they will study: the university, then its programmes.
	await page.getByLabel('大学', { exact: true }).selectOption('enu');
	await page.getByRole('button', { name: '显示其项目' }).click();
	await page.getByLabel('项目', { exact: true }).selectOption('computer-science-msc');
	await page.getByLabel('停留时间（月）').fill('10');
	await page.getByLabel('停留期间您可用的资金').fill('200000');
	await page.getByLabel('资金币种').selectOption('CNY');
	await page.getByRole('button', { name: '计算', exact: true }).click();
	await expect(page).toHaveURL(/programme=computer-science-msc/);

	// The programme's tuition is the choice, a year's fee for two semesters.
	await expect(page.getByRole('radio', { name: '上方所选项目的学费' })).toBeChecked();
	await expect(page.locator('.tuition')).toContainText('每年 ₸1,800,000');
	await expect(page.locator('.tuition')).toContainText('共 2 个学期');
	const living = await amount(summaryRow(page, '生活费用').locator('td'));
	expect(await amount(summaryRow(page, '学费').locator('td'))).toBe(1_800_000);
	expect(await amount(summaryRow(page, '含学费总计').locator('td'))).toBe(living + 1_800_000);

	// Kazakhstan has no proof-of-funds amount: said plainly, and the money is compared with the budget.
	const funds = page.getByRole('region', { name: '资金证明' });
	await expect(funds).toContainText('哈萨克斯坦未规定学生必须证明的资金数额');
	await expect(funds.getByRole('listitem')).toContainText('您的资金足以覆盖预算，尚余');
});

test.describe('without JavaScript, in Kazakh', () => {
	test.use({ javaScriptEnabled: false });

	test('a programme page leads to a budget with its tuition; too little money shows how much is missing', async ({ page }) => {
		await page.goto('/kk/institutions/enu/programmes/computer-science-msc');
		await page.locator('main').getByRole('link', { name: 'Бюджетті есептеу' }).click();
		await expect(page).toHaveURL(/institution=enu&programme=computer-science-msc/);
		// The programme's length (24 months) and its fee for four semesters.
		await expect(page.getByLabel('Болу мерзімі (ай)')).toHaveValue('24');
		expect(await amount(summaryRow(page, 'Оқу ақысы').locator('td'))).toBe(3_600_000);

		await page.getByLabel('Болу мерзіміне қанша ақшаңыз болады').fill('1 000 000');
		await page.getByRole('button', { name: 'Есептеу', exact: true }).click();
		const total = await amount(summaryRow(page, 'Оқу ақысымен бірге барлығы').locator('td'));
		const verdict = page.getByRole('region', { name: 'Қаражатты растау' }).getByRole('listitem');
		await expect(verdict).toContainText('Бюджетіңізге');
		await expect(verdict).toContainText('жетпейді');
		expect(await amount(verdict)).toBe(total - 1_000_000);
	});

	test('an exchange student pays no tuition, and a wrong amount is explained next to its field', async ({ page }) => {
		await page.goto('/kk/costs?city=Astana&institution=enu&programme=computer-science-msc&months=5');
		await page.getByRole('radio', { name: /Оқу ақысы жоқ/ }).check();
		await page.getByRole('button', { name: 'Есептеу', exact: true }).click();
		await expect(page.locator('.tuition')).toContainText('Оқу ақысы жоқ: қорытындыға ештеңе қосылмады.');
		expect(await amount(summaryRow(page, 'Оқу ақысымен бірге барлығы').locator('td'))).toBe(await amount(summaryRow(page, 'Тұрмыс шығындары').locator('td')));

		await page.getByRole('radio', { name: /Басқа сома/ }).check();
		await page.getByLabel('Оқу ақысының сомасы').fill('көп');
		await page.getByRole('button', { name: 'Есептеу', exact: true }).click();
		await expect(page.locator('#f-tuitionAmount-error')).toHaveText('Соманы цифрмен енгізіңіз, мысалы 1800000 немесе 615,50.');
		await expect(page.getByLabel('Оқу ақысының сомасы')).toHaveValue('көп');
		await expect(page.getByRole('radio', { name: /Басқа сома/ })).toBeChecked();
	});

	test('France’s proof of funds is shown for the stay, with its source and the check badge', async ({ page }) => {
		await page.goto('/kk/costs?city=Perpignan&months=5&tuition=none&funds=3000&fundsCurrency=EUR');
		const funds = page.getByRole('region', { name: 'Қаражатты растау' });
		await expect(funds).toContainText('Франция: студенттер болу мерзімінің әр айына');
		expect(await amount(funds.getByRole('row', { name: 'Виза үшін растау қажет' }).locator('td'))).toBe(3_075);
		await expect(funds.getByText('Оқу орнынан нақтылаңыз')).toBeVisible();
		await expect(funds.getByRole('link', { name: /Дереккөз/ })).toHaveAttribute('href', 'https://france-visas.gouv.fr');
		const short = funds.getByRole('listitem').filter({ hasText: 'Растау үшін' });
		expect(await amount(short)).toBe(75);
	});
});
