import { expect, test } from './fixtures';
import { signIn } from './helpers';

/** The preview shows each kind of content as the portal will, in the editor's language (it once fell through to an empty news article). */
test('an editor previews a question and answer and a library document in Kazakh, as the portal shows them', async ({ page }) => {
	await signIn(page, 'enu.editor@demo.welcome.test', undefined, 'kk');

	await page.goto('/kk/workspace/enu/faq');
	await page.locator('main td a[href*="/workspace/enu/faq/"]').first().click();
	await expect(page).toHaveURL(/\/workspace\/enu\/faq\/[0-9a-f-]{36}/);
	const editor = new URL(page.url()).pathname;
	const question = (await page.locator('input[name="question.kk"]').inputValue()).trim();
	const answer = (await page.locator('textarea[name="answer.kk"]').inputValue()).trim();
	expect(question).not.toBe('');
	await page.goto(`${editor}/preview`);
	const entry = page.locator('main details[open]');
	await expect(entry.locator('summary')).toHaveText(question);
	// The answer's first words, as Markdown renders them.
	await expect(entry.locator('.prose')).toContainText(answer.replace(/[*_#>`[\]]/g, '').split(/\s+/).slice(0, 3).join(' '));

	await page.goto('/kk/workspace/enu/documents/new');
	const slug = `preview-${Date.now()}`;
	await page.locator('input[name="slug"]').fill(slug);
	await page.locator('select[name="kind"]').selectOption('poster');
	await page.locator('select[name="language"]').selectOption('kk');
	await page.locator('input[name="url"]').fill('https://enu.kz/posters/welcome.pdf');
	await page.locator('input[name="publishedOn"]').fill('2026-11-30');
	await page.locator('input[name="title.kk"]').fill('Халықаралық студенттерге арналған постер');
	await page.locator('main form button[type="submit"]').last().click();
	await expect(page).toHaveURL(/\/workspace\/enu\/documents\/[0-9a-f-]{36}/);
	await page.goto(`${new URL(page.url()).pathname}/preview`);
	const row = page.locator('main table tbody tr');
	await expect(row.getByRole('link', { name: 'Халықаралық студенттерге арналған постер' })).toHaveAttribute('href', 'https://enu.kz/posters/welcome.pdf');
	await expect(row).toContainText('ЕҰУ');
	await expect(row.locator('td').nth(1)).toHaveText('Плакат');
});
