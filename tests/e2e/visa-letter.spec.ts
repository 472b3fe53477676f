import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { horizontalOverflow, signIn, signOut } from './helpers';

/**
 * A Chinese student going to ENU gives her profile what a visa invitation needs (the name as in
 * her passport, sex, place of birth, home address, passport dates), in Chinese; ENU's officer
 * sees it, issues the Kazakh invitation (its PDF says it all) and records the migration
 * service's registration number, which the student then reads beside the letter and by e-mail.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const squash = (s: string) => s.replace(/\s+/g, '');
const REFERENCE = 'KZ-2027-004512';

async function registerInChinese(page: Page, email: string, password: string) {
	await page.goto('/zh/sign-up');
	await page.locator('input[name="name"]').fill('王芳');
	await page.locator('input[name="email"]').fill(email);
	await page.locator('input[name="password"]').fill(password);
	await page.locator('input[name="passwordConfirm"]').fill(password);
	await page.locator('form.stack button[type="submit"]').click();
	await expect(page.getByRole('status')).toContainText(email);
	await signIn(page, 'admin@demo.welcome.test');
	await page.goto('/en/admin/outbox');
	await page.getByRole('row', { name: new RegExp(email) }).getByRole('link').click();
	const link = await page.locator('ul a[href*="verify-email"]').getAttribute('href');
	await signOut(page);
	await page.goto(link!);
	await signIn(page, email, password, 'zh');
}

/** The text of a PDF as poppler reads it (what a consulate's scanner would see). */
function pdfText(body: Buffer) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'visa-letter-'));
	const file = path.join(dir, 'letter.pdf');
	fs.writeFileSync(file, body);
	const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	fs.rmSync(dir, { recursive: true, force: true });
	if (run.status !== 0) throw new Error(`pdftotext failed (install poppler-utils): ${run.stderr ?? run.error}`);
	return run.stdout;
}

test('a student fills in her passport facts in Chinese; ENU issues the Kazakh invitation with them and records the registration number she then sees', async ({ page }) => {
	test.setTimeout(150_000);
	const email = `visa-${Date.now()}@example.cn`;
	const password = 'a long walk on the bund';
	await registerInChinese(page, email, password);

	// The profile, in Chinese: a name in Chinese characters and an issue date to come are refused
	// next to their fields, and nothing typed is lost.
	await page.goto('/zh/my/profile');
	await page.getByLabel('国籍').first().selectOption('CN');
	await page.getByLabel('护照上的姓名（拉丁字母）').fill('王芳');
	await page.getByLabel('性别（与护照一致）').selectOption('F');
	await page.getByLabel('出生日期').first().fill('2003-05-14');
	await page.getByLabel('出生地').fill('SHANGHAI');
	await page.getByLabel('护照号码').fill('EA1234567');
	await page.getByLabel('护照签发日期').fill(day(10));
	await page.getByLabel('护照有效期至').fill(day(3000));
	await page.getByLabel('家庭住址').fill('上海市四平路1239号\n200092 中国');
	await page.getByLabel('目的院校').selectOption('enu');
	// A student comes to study unless she says otherwise.
	await expect(page.getByLabel('来访目的')).toHaveValue('study');
	await page.locator('input[name="stayStart"]').fill(day(60));
	await page.locator('input[name="stayEnd"]').fill(day(240));
	await page.locator('input[name="arrivalDate"]').fill(day(55));
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.locator('#f-passportName-error')).toContainText('拉丁字母');
	await expect(page.locator('#f-passportIssuedOn-error')).toContainText('签发日期不能晚于今天');
	await expect(page.getByLabel('家庭住址')).toHaveValue('上海市四平路1239号\n200092 中国');
	await expect(page.getByLabel('出生地')).toHaveValue('SHANGHAI');
	await page.getByLabel('护照上的姓名（拉丁字母）').fill('wang fang');
	await page.getByLabel('护照签发日期').fill(day(-400));
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page).toHaveURL(/\/zh\/my\?saved=1$/);
	// Stored as the passport prints it.
	await page.goto('/zh/my/profile');
	await expect(page.getByLabel('护照上的姓名（拉丁字母）')).toHaveValue('WANG FANG');

	// She asks ENU for the invitation letter, with her passport scan.
	await page.goto('/zh/my');
	await page.getByRole('link', { name: /申请：邀请函和签证协助/ }).click();
	await page.getByLabel(/您将递交申请的使领馆/).fill('哈萨克斯坦驻上海总领事馆');
	await page.getByLabel(/护照（照片页）/).setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.getByRole('button', { name: '提交申请' }).click();
	await expect(page.getByRole('status')).toContainText('已提交');
	const requestPath = new URL(page.url()).pathname;
	const caseId = requestPath.split('/').at(-1)!;

	// ENU's officer, in Kazakh, reads the passport facts on the case.
	await signOut(page);
	await signIn(page, 'enu.staff@demo.welcome.test', undefined, 'kk');
	await page.goto(`/kk/workspace/enu/cases/${caseId}`);
	const facts = page.locator('section[aria-labelledby="applicant"] dl.facts');
	const fact = (term: string) => facts.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
	await expect(fact('Паспорттағы аты-жөні')).toHaveText('WANG FANG');
	await expect(fact('Жынысы')).toHaveText('Әйел (F)');
	await expect(fact('Туған жері')).toHaveText('SHANGHAI');
	await expect(fact('Сапар мақсаты')).toHaveText('Оқу');
	await expect(fact('Үй мекенжайы')).toContainText('上海市四平路1239号');

	// The Kazakh invitation: every fact a consulate checks is printed, one a line.
	await page.getByLabel('Хат', { exact: true }).selectOption('invitation');
	await page.getByLabel('Хаттың тілі').selectOption('kk');
	await page.getByRole('button', { name: 'Хат беру' }).click();
	await expect(page.getByRole('status')).toContainText('Хат берілді');
	const row = page.locator('#letters ~ .table-wrap tbody tr').first();
	const pdf = await page.request.get((await row.getByRole('link', { name: 'Шақыру хаты' }).getAttribute('href'))!);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	const text = squash(pdfText(await pdf.body()));
	for (const line of ['Тегі мен аты (паспорттағыдай): WANG FANG', 'Жынысы: әйел', 'SHANGHAI', 'Азаматтығы: Қытай', 'Паспорты: EA1234567, берілген күні', 'Тұрақты мекенжайы: 上海市四平路1239号, 200092 中国', 'Сапар мақсаты: оқу', 'Қабылдаушы ұйым:'])
		expect(text, line).toContain(squash(line));

	// The migration service registered the invitation: the officer records its number.
	await row.getByLabel('Мемлекеттік орган берген нөмір').fill(` ${REFERENCE} `);
	await row.getByRole('button', { name: 'Нөмірді сақтау' }).click();
	await expect(page.getByRole('status')).toContainText('Нөмір сақталды');
	await expect(page.locator('#letters ~ .table-wrap tbody tr').first().getByLabel('Мемлекеттік орган берген нөмір')).toHaveValue(REFERENCE);

	// Tongji's staff cannot reach the case or record anything on its letter.
	await signOut(page);
	await signIn(page, 'tongji.staff@demo.welcome.test');
	expect((await page.goto(`/en/workspace/tongji/cases/${caseId}`))?.status()).toBe(404);

	// The student reads the number beside her letter, with what to do with it, on a phone too.
	await signOut(page);
	await signIn(page, email, password, 'zh');
	await page.goto(requestPath);
	const letters = page.locator('#letters + ul.letters');
	await expect(letters).toContainText('主管部门给出的编号');
	await expect(letters).toContainText(REFERENCE);
	await expect(letters).toContainText('申请签证时请将此编号提供给领事馆。');
	await page.setViewportSize({ width: 360, height: 740 });
	await page.reload();
	expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 720 });

	// …and by e-mail, in Chinese, once.
	await signOut(page);
	await signIn(page, 'admin@demo.welcome.test');
	await page.goto('/en/admin/outbox');
	await expect(page.getByRole('row', { name: new RegExp(`${email}.*您的函件已有主管部门编号`) })).toHaveCount(1);
});
