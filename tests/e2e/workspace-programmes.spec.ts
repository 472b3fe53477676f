import { expect, test } from './fixtures';
import writeXlsxFile from 'write-excel-file/node';
import { signIn } from './helpers';

const header = ['slug', 'level', 'isced', 'title_kk', 'title_en', 'languages', 'duration_months', 'tuition', 'currency', 'start_terms', 'application_opens', 'application_deadline'];
const stamp = Date.now();
const row = (n: number) => [`e2e-import-${stamp}-${n}`, 'master', '0613', `Импорт ${n}`, `Imported data science ${n}`, 'en, kk', 24, 2_000_000 + n, 'KZT', 'autumn', '2026-01-01', '2099-06-30'];

async function xlsx(rows: (string | number)[][]) {
	return writeXlsxFile(rows.map((r) => r.map((value) => ({ value })))).toBuffer();
}

test('an editor imports twenty programmes from a spreadsheet after a dry run that lists row errors', async ({ page }) => {
	test.setTimeout(60_000);
	await signIn(page, 'enu.editor@demo.welcome.test');
	await page.goto('/en/workspace/enu/programmes');
	await page.getByRole('link', { name: 'Import programmes' }).click();

	// A broken file: every problem is listed with its row, and nothing is imported.
	const broken = [header, row(1), ['Bad slug', 'professor', '0613', '', 'x', 'en', 24, '', '', '', '2027-02-30', '']];
	await page.getByLabel('Spreadsheet (.xlsx or .csv)').setInputFiles({ name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: await xlsx(broken as (string | number)[][]) });
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.getByRole('alert')).toContainText('Nothing was imported: 4 problems');
	const errors = page.getByRole('table');
	await expect(errors.getByRole('row', { name: /3 slug Use lower-case letters/ })).toBeVisible();
	await expect(errors.getByRole('row', { name: /3 application_opens Enter a real date/ })).toBeVisible();

	// Twenty good rows.
	const good = [header, ...Array.from({ length: 20 }, (_, i) => row(i + 1))];
	await page.getByLabel('Spreadsheet (.xlsx or .csv)').setInputFiles({ name: 'programmes.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsx(good) });
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.getByText('The file is correct: 20 new programmes, 0 updated.')).toBeVisible();
	await expect(page.getByLabel('Publish them on the portal now')).toBeChecked();
	await page.getByRole('button', { name: 'Import 20 programmes' }).click();
	await expect(page.getByText('20 programmes imported.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Imported data science 1', exact: true })).toBeVisible();

	// On the portal: the finder and the programme page.
	await page.goto('/en/programmes?institution=enu&level=master&sort=title');
	await expect(page.getByRole('link', { name: `Imported data science 1`, exact: true })).toBeVisible();
	await page.goto(`/en/institutions/enu/programmes/e2e-import-${stamp}-7`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Imported data science 7');
});

test('a CSV is checked and imported without JavaScript, and the export goes back in unchanged', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, 'enu.editor@demo.welcome.test');
	await page.goto('/en/workspace/enu/programmes/import');
	const csv = [header.join(';'), row(101).join(';')].join('\n');
	await page.getByLabel('Spreadsheet (.xlsx or .csv)').setInputFiles({ name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.getByText('The file is correct: 1 new programmes, 0 updated.')).toBeVisible();
	await page.getByRole('button', { name: 'Import 1 programmes' }).click();
	await expect(page.getByText('1 programmes imported.')).toBeVisible();

	const download = await page.request.get('/en/workspace/enu/programmes/export/programmes.xlsx');
	expect(download.headers()['content-type']).toContain('spreadsheetml');
	await page.goto('/en/workspace/enu/programmes/import');
	await page.getByLabel('Spreadsheet (.xlsx or .csv)').setInputFiles({ name: 'export.xlsx', mimeType: 'application/octet-stream', buffer: await download.body() });
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.getByText(/The file is correct: 0 new programmes, \d+ updated\./)).toBeVisible();
	await context.close();
});

test('a picture renamed to .csv is refused by its content', async ({ page }) => {
	await signIn(page, 'enu.editor@demo.welcome.test');
	await page.goto('/en/workspace/enu/programmes/import');
	const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]);
	await page.getByLabel('Spreadsheet (.xlsx or .csv)').setInputFiles({ name: 'programmes.csv', mimeType: 'text/csv', buffer: png });
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.locator('#f-file-error')).toHaveText('This file is not a spreadsheet. Use .xlsx or .csv (UTF-8).');
});

test('translators cannot import; other institutions get 404', async ({ page }) => {
	await signIn(page, 'enu.translator@demo.welcome.test');
	expect((await page.goto('/en/workspace/enu/programmes/import'))?.status()).toBe(403);
	await page.context().clearCookies();
	await signIn(page, 'tongji.admin@demo.welcome.test');
	expect((await page.goto('/en/workspace/enu/programmes/import'))?.status()).toBe(404);
	expect((await page.goto('/en/workspace/enu/programmes/export/programmes.csv'))?.status()).toBe(404);
});

test('an editor adds one programme by hand, previews it and publishes it', async ({ page }) => {
	const slug = `e2e-single-${Date.now()}`;
	await signIn(page, 'enu.editor@demo.welcome.test');
	await page.goto('/en/workspace/enu/programmes');
	await page.getByRole('link', { name: 'New programme' }).click();
	await page.getByLabel('Web address name').fill(slug);
	await page.getByLabel('Level').selectOption('master');
	await page.getByLabel('Field of study (ISCED-F code)').fill('0413');
	await page.getByLabel('Taught in').fill('en, ru');
	await page.getByLabel('Duration in months').fill('24');
	await page.getByLabel('Tuition per year').fill('1500000');
	await page.getByLabel('Currency of the tuition').fill('KZT');
	await page.getByRole('checkbox', { name: 'Autumn' }).check();
	await page.getByRole('checkbox', { name: 'Spring' }).check();
	for (const [language, title] of [
		['Қазақша', 'Халықаралық бизнес'],
		['Русский', 'Международный бизнес'],
		['English', 'International business']
	]) {
		await page.getByLabel(`Title · ${language}`).fill(title!);
	}
	await page.getByRole('button', { name: 'Create draft' }).click();
	await page.getByRole('link', { name: 'Preview' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'International business' })).toBeVisible();
	await expect(page.getByText('Autumn, Spring')).toBeVisible();
	await page.getByRole('link', { name: 'Back to the editor' }).click();
	await page.getByRole('button', { name: 'Save and publish' }).click();
	await expect(page.getByText('Published. The portal shows it now.')).toBeVisible();

	await page.goto(`/en/institutions/enu/programmes/${slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('International business');
	await expect(page.getByRole('definition').filter({ hasText: '1,500,000' })).toBeVisible();
});
