import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import type { Browser } from '@playwright/test';
import { horizontalOverflow, signIn, signOut } from './helpers';

/**
 * The checklist of requested documents, in Russian and without JavaScript: ENU's officer
 * rejects the passport scan with a reason, the student reads the reason in their request and
 * sends a new scan, the officer accepts it; the first scan stays as an earlier version.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PASSPORT = 'Паспорт (страница с фотографией)';

/** axe-core needs scripts: the page is checked as someone with JavaScript sees it, in a context of its own. */
async function expectNoViolations(browser: Browser, email: string, path: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, email, undefined, 'ru');
	await page.goto(path);
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	expect(violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) })), path).toEqual([]);
	await context.close();
}

test('staff reject a passport scan with a reason, the student sends a new one, staff accept it (Russian, no JavaScript)', async ({ browser }) => {
	test.setTimeout(120_000);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();

	// The demo student requests ENU's migration registration with a passport scan and a migration card.
	await signIn(page, 'student@demo.welcome.test', undefined, 'ru');
	await page.goto('/ru/my');
	await page.getByRole('link', { name: 'Обращение: Миграционная регистрация' }).click();
	await page.getByLabel(/Паспорт \(страница с фотографией\)/).setInputFiles({ name: 'passport-cut.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.getByLabel(/Миграционная карточка/).setInputFiles({ name: 'migration-card.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.getByRole('button', { name: 'Отправить обращение' }).click();
	await expect(page.getByRole('status')).toContainText('отправлено');
	const caseId = new URL(page.url()).pathname.split('/').at(-1)!;
	const passport = page.locator('ul.checklist > li').filter({ hasText: PASSPORT });
	await expect(passport).toContainText('Ждёт проверки');
	// Nothing to send again while the scan waits for review.
	await expect(passport.getByRole('button', { name: 'Отправить файл' })).toHaveCount(0);

	// ENU's officer: two documents to check; a rejection needs a reason, said next to its field.
	await signOut(page);
	await signIn(page, 'enu.staff@demo.welcome.test', undefined, 'ru');
	const casePage = `/ru/workspace/enu/cases/${caseId}`;
	await page.goto(casePage);
	const header = page.locator('dl.facts').first();
	await expect(header.locator('dt', { hasText: 'Документы на проверке' }).locator('xpath=following-sibling::dd[1]')).toHaveText('2');
	let item = page.locator('ul.checklist > li').filter({ hasText: PASSPORT });
	await item.getByRole('button', { name: 'Отклонить и запросить заново' }).click();
	item = page.locator('ul.checklist > li').filter({ hasText: PASSPORT });
	await expect(item.locator('#f-reviewReason-passport-error')).toContainText('Укажите причину отклонения');
	const reason = 'Страница с фотографией обрезана: отсканируйте её целиком.';
	await item.getByLabel('Причина отклонения').fill(reason);
	await item.getByRole('button', { name: 'Отклонить и запросить заново' }).click();
	await expect(page.getByRole('status')).toContainText('Документ отклонён');
	await expect(page.getByRole('status')).toContainText('Обращение теперь ждёт ответа заявителя.');
	await expect(header).toContainText('Ждёт ответа заявителя');
	await expect(page.locator('ul.checklist > li').filter({ hasText: PASSPORT })).toContainText('Отклонён, запрошен повторно');
	await expect(header.locator('dt', { hasText: 'Документы на проверке' }).locator('xpath=following-sibling::dd[1]')).toHaveText('1');
	await expectNoViolations(browser, 'enu.staff@demo.welcome.test', casePage);

	// The student reads the reason in Russian, on the checklist and in the thread, and sends a new scan.
	await signOut(page);
	await signIn(page, 'student@demo.welcome.test', undefined, 'ru');
	await page.goto(`/ru/my/requests/${caseId}`);
	const mine = page.locator('ul.checklist > li').filter({ hasText: PASSPORT });
	await expect(mine).toContainText('Отклонён, запрошен повторно');
	await expect(mine.getByRole('note')).toContainText(reason);
	await expect(page.locator('ol.thread')).toContainText(`Документ «${PASSPORT}» отклонён и запрошен повторно.`);
	await expect(page.locator('dl.facts').first()).toContainText('Ждёт вашего ответа');
	// A file that is not a document is refused next to its field.
	await mine.getByLabel(`Новый файл: ${PASSPORT}`).setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
	await mine.getByRole('button', { name: 'Отправить файл' }).click();
	await expect(page.locator('#f-upload-passport-error')).toContainText('PDF');
	await expectNoViolations(browser, 'student@demo.welcome.test', `/ru/my/requests/${caseId}`);
	await page.locator('ul.checklist > li').filter({ hasText: PASSPORT }).getByLabel(`Новый файл: ${PASSPORT}`).setInputFiles({ name: 'passport-whole.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.locator('ul.checklist > li').filter({ hasText: PASSPORT }).getByRole('button', { name: 'Отправить файл' }).click();
	await expect(page.getByRole('status')).toContainText('Новый файл отправлен');
	const replaced = page.locator('ul.checklist > li').filter({ hasText: PASSPORT });
	await expect(replaced).toContainText('Ждёт проверки');
	await expect(replaced.locator('ul.files')).toHaveText('passport-whole.pdf');
	await expect(replaced.locator('details')).toContainText('Предыдущие версии (1)');
	await expect(page.locator('dl.facts').first()).toContainText('В работе');
	// On a phone, in Kazakh, the checklist fits the screen.
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto(`/kk/my/requests/${caseId}`);
	expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 720 });

	// The officer sees the new version and accepts it; the rejected scan stays in its history.
	await signOut(page);
	await signIn(page, 'enu.staff@demo.welcome.test', undefined, 'ru');
	await page.goto(casePage);
	item = page.locator('ul.checklist > li').filter({ hasText: PASSPORT });
	await expect(item).toContainText('Ждёт проверки');
	await expect(item.locator('ul.files')).toHaveText('passport-whole.pdf');
	await expect(page.locator('ol.thread')).toContainText(`Новая версия документа «${PASSPORT}».`);
	await item.getByRole('button', { name: 'Принять' }).click();
	await expect(page.getByRole('status')).toContainText('Документ принят.');
	item = page.locator('ul.checklist > li').filter({ hasText: PASSPORT });
	await expect(item.locator('p').first()).toHaveText('Принят');
	await expect(item.locator('details ol.history')).toContainText(reason);
	await expect(item.locator('details ol.history')).toContainText('passport-cut.pdf');
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto(`/kk/workspace/enu/cases/${caseId}`);
	expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

	// Another institution's staff: not found.
	await signOut(page);
	await signIn(page, 'tongji.staff@demo.welcome.test', undefined, 'ru');
	expect((await page.goto(casePage))?.status()).toBe(404);
	await context.close();
});
