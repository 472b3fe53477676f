import fs from 'node:fs/promises';
import { expect, test } from './fixtures';
import { expectNoViolations } from './axe';
import { horizontalOverflow, signIn, signOut } from './helpers';
import { iiaGetResponseXml } from '../../src/lib/server/agreements/iia-xml';

test('ENU staff make an agreement with UPC in Chinese: a wrong year explained, a second version with its diff, UPC’s differing copy explained, approval; Tongji gets 404', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, 'enu.staff@demo.welcome.test', undefined, 'zh');
	await page.goto('/zh/workspace/enu/partners');
	const addUpc = page.getByRole('button', { name: '将加泰罗尼亚理工大学加入合作伙伴' });
	if (await addUpc.count()) await addUpc.click();

	// The dashboard warns of the Beihang memorandum, which ends next academic year; its tile opens the filtered list.
	await page.goto('/zh/workspace/enu');
	await page.getByRole('link', { name: /下一学年到期/ }).click();
	await expect(page.getByLabel('最后学年')).toHaveValue('next');
	await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'buaa.edu.cn' })).toHaveCount(1);
	await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'upc.edu' })).toHaveCount(0);
	await page.getByRole('link', { name: '清除所有筛选条件' }).click();
	await page.getByLabel('协议类型', { exact: true }).selectOption('mou');
	await page.getByRole('button', { name: '显示协议' }).click();
	await expect(page.getByText(/找到协议：\d+ 份/)).toBeVisible();
	await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'upc.edu' })).toHaveCount(0);

	await page.goto('/zh/workspace/enu');
	await page.getByRole('link', { name: '协议', exact: true }).click();
	await page.getByRole('link', { name: '新建协议' }).click();
	await page.getByRole('combobox', { name: '合作伙伴', exact: true }).selectOption({ label: '加泰罗尼亚理工大学 (upc.edu)' });
	await page.getByRole('button', { name: '继续' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('与加泰罗尼亚理工大学的新协议');

	await page.getByLabel('交流类型').selectOption('staff-teacher');
	await page.getByLabel('方向').selectOption('in');
	await page.getByLabel('起始学年').fill('2025/2026');
	await page.getByLabel('结束学年').fill('2024/2025');
	await page.getByLabel('每年名额').fill('2');
	await page.getByLabel('推荐语言').fill('en B2');
	await page.getByLabel('学科领域（ISCED-F 2013）').fill('0613 软件工程');
	await page.getByRole('button', { name: '创建协议' }).click();
	await expect(page.locator('#c0-lastYear-error')).toHaveText('最后学年早于第一学年');
	await expect(page.getByLabel('学科领域（ISCED-F 2013）')).toHaveValue('0613 软件工程');
	await page.getByLabel('结束学年').fill('2027/2028');
	await page.getByRole('button', { name: '创建协议' }).click();
	await expect(page.getByText('协议已创建。')).toBeVisible();
	await expect(page.getByText('我方尚未批准。')).toBeVisible();
	const agreementUrl = page.url().replace(/\?.*$/, '');

	await page.getByRole('link', { name: '编辑协议' }).click();
	await page.getByLabel('每年名额').fill('3');
	await page.getByRole('button', { name: '保存为新版本' }).click();
	await expect(page.getByText('已保存为第 2 版。')).toBeVisible();
	await page.getByRole('link', { name: '相对第 1 版的改动' }).click();
	const diff = page.getByRole('table', { name: '从第 1 版到第 2 版的改动' });
	await expect(diff.getByRole('row', { name: /每年名额/ })).toContainText('2');
	await expect(diff.getByRole('row', { name: /每年名额/ })).toContainText('3');
	await expect(diff.getByRole('row', { name: /每年名额/ })).toContainText('教职工教学交流，接收（1）');

	// UPC's copy of the agreement, as their system exports it: 2 teaching mobilities where ours now says 3.
	const iiaId = (await page.locator('dt:has-text("我方协议标识") + dd code').textContent())!.trim();
	const theirs = iiaGetResponseXml([
		{
			partners: [
				{ heiId: 'upc.edu', iiaId: 'UPC-2025-7', contacts: [] },
				{ heiId: 'enu.kz', iiaId, contacts: [] }
			],
			inEffect: false,
			terminatedAsAWhole: false,
			conditions: [
				{
					kind: 'staff-teacher',
					sendingHeiId: 'upc.edu',
					sendingContacts: [],
					receivingHeiId: 'enu.kz',
					receivingContacts: [],
					firstAcademicYear: '2025/2026',
					lastAcademicYear: '2027/2028',
					mobilitiesPerYear: 2,
					languageSkills: [{ language: 'en', cefrLevel: 'B2' }],
					subjectAreas: [{ iscedCode: '0613', clarification: '软件工程' }]
				}
			]
		}
	]);
	await page.getByLabel('合作方的 IIA 文件（XML）').setInputFiles({ name: 'upc-iia.xml', mimeType: 'application/xml', buffer: Buffer.from('<iias-get-response>not an IIA</iias-get-response>') });
	await page.getByRole('button', { name: '导入并比较' }).click();
	await expect(page.locator('#partner-copy-error')).toHaveText('该文件不符合 EWP IIA v7 架构');
	await page.getByLabel('合作方的 IIA 文件（XML）').setInputFiles({ name: 'upc-iia.xml', mimeType: 'application/xml', buffer: Buffer.from(theirs) });
	await page.getByRole('button', { name: '导入并比较' }).click();
	await expect(page.getByText('已导入合作方副本。')).toBeVisible();
	const copyDiff = page.getByRole('table', { name: '合作方副本与我方的差异' });
	const quota = copyDiff.getByRole('row', { name: /每年名额/ });
	await expect(quota.getByRole('cell')).toHaveText(['教职工教学交流，接收（1）', '每年名额', '3', '2']);
	await expect(copyDiff.getByRole('row', { name: /合作方协议标识/ })).toContainText('UPC-2025-7');

	await page.getByRole('button', { name: '批准第 2 版', exact: true }).click();
	await expect(page.getByText('已记录批准。')).toBeVisible();
	await expect(page.getByText(/我方已于 .* 批准/)).toBeVisible();

	// The list exports what its filters show, in the import's format: this agreement, one row per condition.
	await page.goto('/zh/workspace/enu/agreements?q=upc');
	const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 Excel（.xlsx）' }).click()]);
	expect(xlsx.suggestedFilename()).toBe('enu-agreements.xlsx');
	expect((await fs.readFile((await xlsx.path())!)).subarray(0, 2).toString()).toBe('PK');
	const csv = await (await page.request.get('/zh/workspace/enu/agreements/export/agreements.csv?q=upc')).text();
	expect(csv.split('\n')[0]).toContain('agreement,kind,partner_hei_id');
	expect(csv).toContain(`${iiaId},erasmus,upc.edu`);

	// Printed in the European Commission's layout, in Chinese.
	const pdf = await page.request.get(`${agreementUrl}/pdf`);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
	await page.goto(agreementUrl);
	await expect(page.getByRole('link', { name: '打印（欧盟委员会格式 PDF）' })).toHaveAttribute('href', /\/pdf$/);

	// The agreement, its diff and its editor: accessible, and on a phone in Chinese without sideways scrolling.
	await expectNoViolations(page, `${agreementUrl}?diff=2`);
	await expectNoViolations(page, `${agreementUrl}/edit`);
	await page.setViewportSize({ width: 360, height: 740 });
	for (const path of [`${agreementUrl}?diff=2`, `${agreementUrl}/edit`, '/zh/workspace/enu/agreements']) {
		await page.goto(path);
		expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
	}

	await signOut(page);
	await signIn(page, 'tongji.staff@demo.welcome.test');
	expect((await page.goto(agreementUrl))?.status()).toBe(404);
	expect((await page.goto(`${agreementUrl}/edit`))?.status()).toBe(404);
	expect((await page.request.get(`${agreementUrl}/pdf`)).status()).toBe(404);
	expect((await page.request.get(`${agreementUrl}/iia.xml`)).status()).toBe(404);
	expect((await page.request.get('/zh/workspace/enu/agreements/export/agreements.csv')).status()).toBe(404);
});

test('the demo student coming to ENU under its UPC agreement is counted against the student-studies quota; a late save sees the other editor’s changes as a diff, in Russian', async ({ page }) => {
	await signIn(page, 'enu.staff@demo.welcome.test', undefined, 'ru');
	await page.goto('/ru/workspace/enu/agreements');
	await page.getByLabel('Партнёр или код соглашения').fill('ENU-UPC/2025/01');
	await page.getByRole('button', { name: 'Показать соглашения' }).click();
	await page.getByRole('table').getByRole('link').first().click();
	// The demo stay starts four weeks after the seed: its academic year begins on 1 September.
	const start = new Date(Date.now() + 28 * 86_400_000);
	const year = start.getUTCMonth() >= 8 ? start.getUTCFullYear() : start.getUTCFullYear() - 1;
	await expect(page.getByText(`${year}/${year + 1}: 1 из 2`)).toBeVisible();
	await expect(page.getByText(`${year + 1}/${year + 2}: 0 из 2`).first()).toBeVisible();

	// Two tabs edit it; the second to save sees who changed what, keeps its text, and saves on top.
	const editUrl = page.url().replace(/\?.*$/, '') + '/edit';
	const other = await page.context().newPage();
	await other.goto(editUrl);
	await page.goto(editUrl);
	await other.getByLabel('Мобильностей в год').first().fill('3');
	await other.getByRole('button', { name: 'Сохранить как новую версию' }).click();
	await expect(other).toHaveURL(/\?saved=/);
	await page.getByLabel('Прочая информация').first().fill('Only engineering students.');
	await page.getByRole('button', { name: 'Сохранить как новую версию' }).click();
	const conflict = page.getByRole('region', { name: 'Пока вы редактировали материал, его сохранил другой пользователь' });
	await expect(conflict).toContainText('enu.staff@demo.welcome.test');
	await expect(conflict.getByRole('table')).toContainText('3');
	await expect(page.getByLabel('Прочая информация').first()).toHaveValue('Only engineering students.');
	await page.getByRole('button', { name: 'Сохранить как новую версию' }).click();
	await expect(page).toHaveURL(/\?saved=/);
});
