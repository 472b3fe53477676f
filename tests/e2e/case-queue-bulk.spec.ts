import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { readSheet } from 'read-excel-file/node';
import { horizontalOverflow, signIn } from './helpers';

/**
 * ENU's welcome centre works in Russian: a staff member ticks two new cases in the queue, sets
 * both to "waiting" at once (without JavaScript), sees which changed, and downloads the
 * waiting cases as CSV and Excel; the bulk bar fits a phone.
 */

/** The demo student asks ENU for an airport pickup (the form starts from their profile); returns the case number. */
async function requestPickup(page: Page) {
	await page.goto('/en/my');
	await page.getByRole('link', { name: 'Request: Airport pickup' }).click();
	await page.getByRole('button', { name: 'Send the request' }).click();
	await expect(page.getByRole('status')).toContainText('is sent');
	const number = (await page.getByRole('status').textContent())!.match(/Request (\d+) is sent/)![1]!;
	return number;
}

const readAll = async (stream: NodeJS.ReadableStream) => {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
};

test('ENU staff set two cases to waiting at once without JavaScript, then export the waiting cases', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signIn(page, 'student@demo.welcome.test');
	const first = await requestPickup(page);
	const second = await requestPickup(page);

	const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
	const staff = await context.newPage();
	await signIn(staff, 'enu.staff@demo.welcome.test', undefined, 'ru');
	await staff.goto('/ru/workspace/enu/cases?status=submitted');
	await staff.getByRole('checkbox', { name: `Выбрать обращение ${first}`, exact: true }).check();
	await staff.getByRole('checkbox', { name: `Выбрать обращение ${second}`, exact: true }).check();

	// Declining needs a reason: refused next to the field, the ticks kept.
	await staff.getByLabel('Перевести в статус').selectOption('declined');
	await staff.getByRole('button', { name: 'Изменить статус' }).click();
	await expect(staff.locator('#bulk-reason-error')).toHaveText('Укажите причину отказа: заявитель увидит этот текст.');
	await expect(staff.getByRole('checkbox', { name: `Выбрать обращение ${first}`, exact: true })).toBeChecked();

	await staff.getByLabel('Перевести в статус').selectOption('waiting');
	const form = { submissionKey: (await staff.locator('input[name="submissionKey"]').inputValue())!, cases: await staff.locator('input[name="cases"]:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)) };
	expect(form.cases).toHaveLength(2);
	await staff.getByRole('button', { name: 'Изменить статус' }).click();
	await expect(staff.getByRole('status').filter({ hasText: 'Обращений переведено' })).toHaveText('Обращений переведено в статус «Ждёт ответа заявителя»: 2');
	// The queue keeps its filter: the two cases have left "new".
	await expect(staff).toHaveURL(/status=submitted/);
	await expect(staff.getByRole('checkbox', { name: `Выбрать обращение ${first}`, exact: true })).toHaveCount(0);

	// The same form sent again (a double click, the browser resending it): nothing happens twice, and the page says so.
	const body = new URLSearchParams([['submissionKey', form.submissionKey], ['status', 'waiting'], ['reason', ''], ...form.cases.map((id) => ['cases', id])]);
	const again = await staff.request.post('/ru/workspace/enu/cases?status=submitted&/status', { headers: { origin: new URL(staff.url()).origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, data: body.toString() });
	expect(again.status()).toBe(200);
	expect(await again.text()).toContain('Эта форма уже была отправлена: изменения внесены один раз.');

	// The waiting cases as a spreadsheet, in Russian.
	await staff.goto('/ru/workspace/enu/cases?status=waiting');
	const [csv] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('link', { name: 'Скачать в CSV' }).click()]);
	expect(csv.suggestedFilename()).toBe('enu-cases.csv');
	const text = (await readAll((await csv.createReadStream())!)).toString('utf8');
	const lines = text.replace(/^\ufeff/, '').trim().split(/\r?\n/);
	expect(lines[0]).toBe('Номер обращения,Услуга,Заявитель,Эл. почта,Гражданство,Статус,Ответственный,Отправлено,Срок ответа,Просрочено,Закрыто,Последний ответ заявителя');
	for (const number of [first, second]) {
		const line = lines.find((l) => l.startsWith(`${number},`));
		expect(line, number).toContain('Встреча в аэропорту');
		expect(line).toContain('student@demo.welcome.test');
		expect(line).toContain('Индия');
		expect(line).toContain('Ждёт ответа заявителя');
		expect(line).toContain('Специалист центра приёма, ЕНУ (демо)');
	}
	expect(lines.slice(1).every((l) => l.includes('Ждёт ответа заявителя'))).toBe(true);

	const [xlsx] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('link', { name: 'Скачать в Excel (.xlsx)' }).click()]);
	const rows = await readSheet(await readAll((await xlsx.createReadStream())!));
	expect(rows[0]![0]).toBe('Номер обращения');
	expect(rows.filter((r) => [Number(first), Number(second)].includes(r[0] as number)).map((r) => r[5])).toEqual(['Ждёт ответа заявителя', 'Ждёт ответа заявителя']);
	await context.close();

	// On a phone the bulk bar fits the screen.
	await page.context().clearCookies();
	await page.setViewportSize({ width: 360, height: 740 });
	await signIn(page, 'enu.staff@demo.welcome.test', undefined, 'ru');
	await page.goto('/ru/workspace/enu/cases?status=all');
	await expect(page.locator('fieldset.bulk')).toBeVisible();
	expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
	const bar = await page.locator('fieldset.bulk').boundingBox();
	expect(bar!.x + bar!.width).toBeLessThanOrEqual(360);
});
