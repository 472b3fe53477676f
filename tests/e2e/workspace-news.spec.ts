import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { signIn } from './helpers';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectAccessible(page: Page) {
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
	expect(violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) })), page.url()).toEqual([]);
}

/** ENU writes in Kazakh first, and publishes in Kazakh, Russian and English. */
async function createDraft(page: Page, slug: string, texts: { kk: string; en?: string; summaryKk?: string; summaryRu?: string; summaryEn?: string; titleRu?: string }) {
	await page.goto('/en/workspace/enu/news');
	await page.getByRole('link', { name: 'New news item' }).click();
	await page.getByLabel('Web address name').fill(slug);
	await page.getByLabel('Title · Қазақша').fill(texts.kk);
	if (texts.titleRu) await page.getByLabel('Title · Русский').fill(texts.titleRu);
	if (texts.en) await page.getByLabel('Title · English').fill(texts.en);
	if (texts.summaryKk) await page.getByLabel('Summary · Қазақша').fill(texts.summaryKk);
	if (texts.summaryRu) await page.getByLabel('Summary · Русский').fill(texts.summaryRu);
	if (texts.summaryEn) await page.getByLabel('Summary · English').fill(texts.summaryEn);
	await page.getByRole('button', { name: 'Create draft' }).click();
	await expect(page.locator('.state', { hasText: 'Draft' })).toBeVisible();
}

test('an editor drafts, publishes, schedules, previews and restores news, and the portal follows', async ({ page }) => {
	test.setTimeout(90_000);
	const slug = `e2e-open-day-${Date.now()}`;
	await signIn(page, 'enu.editor@demo.welcome.test');
	await createDraft(page, slug, { kk: 'Ашық есік күні', en: 'Open day', summaryKk: 'Кампусқа келіңіз.' });
	const editor = page.url();
	expect((await page.goto(`/en/news/${slug}`))?.status()).toBe(404);

	// Publishing needs the summary in every language ENU publishes in; nothing typed is lost.
	await page.goto(editor);
	await page.getByLabel('Text · Қазақша').fill('Біз **халықаралық** талапкерлерді күтеміз.');
	await page.getByRole('button', { name: 'Save and publish' }).click();
	await expect(page.getByRole('alert')).toContainText('Some texts are missing');
	await expect(page.locator('#summary-ru-error')).toBeVisible();
	await expect(page.locator('#summary-en-error')).toBeVisible();
	await expect(page.getByLabel('Text · Қазақша')).toHaveValue('Біз **халықаралық** талапкерлерді күтеміз.');
	await expectAccessible(page);

	await page.getByLabel('Title · Русский').fill('День открытых дверей');
	await page.getByLabel('Summary · Русский').fill('Приходите в кампус.');
	await page.getByLabel('Summary · English').fill('Come to the campus.');
	await page.getByLabel('Text · English').fill('We welcome **international** applicants.\n\n<script>alert(1)</script>');
	await page.getByRole('button', { name: 'Save and publish' }).click();
	await expect(page.getByText('Published. The portal shows it now.')).toBeVisible();

	await page.goto(`/en/news/${slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open day');
	await expect(page.locator('article strong')).toHaveText('international');
	await expect(page.locator('article')).toContainText('<script>alert(1)</script>');
	await page.goto(`/kk/news/${slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ашық есік күні');

	// A change to a published item stays private until published; the preview shows it.
	await page.goto(editor);
	await page.getByLabel('Title · English').fill('Open day on 5 May');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.locator('.state', { hasText: 'Unpublished changes' })).toBeVisible();
	await page.goto(`/en/news/${slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open day');
	await page.goto(editor);
	await page.getByRole('link', { name: 'Preview' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open day on 5 May');
	await expect(page.getByRole('note').first()).toContainText('not public');
	await expectAccessible(page);

	// History: a readable diff, and restoring the published wording as a new draft.
	await page.goto(editor);
	await page.getByRole('link', { name: 'Revision history' }).click();
	await expect(page.locator('.diff ins')).toContainText('on 5 May');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Revision 2', exact: true }).click();
	await page.getByRole('button', { name: 'Restore this version as a new draft' }).click();
	await expect(page.getByLabel('Title · English')).toHaveValue('Open day');

	// Scheduling: a fully written draft set for tomorrow is not public today.
	const later = `e2e-scheduled-${Date.now()}`;
	await createDraft(page, later, { kk: 'Жоспарланған', titleRu: 'Запланировано', en: 'Scheduled', summaryKk: 'Ертең.', summaryRu: 'Завтра.', summaryEn: 'Tomorrow.' });
	const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
	await page.getByLabel('Publish at (optional)').fill(`${tomorrow}T09:00`);
	await page.getByRole('button', { name: 'Save and publish' }).click();
	await expect(page.getByText('Scheduled. It will appear')).toBeVisible();
	await expect(page.getByText(/Will be published .*Asia\/Almaty/)).toBeVisible();
	expect((await page.goto(`/en/news/${later}`))?.status()).toBe(404);
});

test('a translator sees what is missing in a language, fills it, and cannot change the original', async ({ page, browser }) => {
	test.setTimeout(60_000);
	const slug = `e2e-translate-${Date.now()}`;
	const editorContext = await browser.newContext();
	const editorPage = await editorContext.newPage();
	await signIn(editorPage, 'enu.editor@demo.welcome.test');
	await createDraft(editorPage, slug, { kk: 'Аударылатын жаңалық', en: 'News to translate', summaryKk: 'Қысқаша.' });
	await editorContext.close();

	await signIn(page, 'enu.translator@demo.welcome.test');
	await page.goto('/en/workspace/enu/translations?lang=zh');
	const row = page.getByRole('row', { name: /News to translate/ });
	await expect(row).toContainText('Title: Missing');
	await expectAccessible(page);
	await row.getByRole('link', { name: 'Translate' }).click();

	await expect(page.getByLabel('Title · Қазақша')).toHaveAttribute('readonly', '');
	await expect(page.getByRole('button', { name: 'Save and publish' })).toHaveCount(0);
	await page.getByLabel('Title · 简体中文').fill('待翻译的新闻');
	await page.getByRole('button', { name: 'Save and ask for review' }).click();
	await expect(page.getByText('An editor has been asked to review')).toBeVisible();

	await page.goto('/en/workspace/enu/translations?lang=zh');
	await expect(page.getByRole('row', { name: /News to translate/ })).not.toContainText('Title: Missing');
	await page.goto('/en/workspace/enu');
	await expect(page.getByRole('heading', { name: /Waiting for review/ })).toBeVisible();

	// The profile too: translations only, the Kazakh original stays as it is.
	await page.goto('/en/workspace/enu/profile');
	await expect(page.locator('#name-kk')).toHaveAttribute('readonly', '');
	await page.locator('#city-zh').fill('阿斯塔纳');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved', { exact: false }).first()).toBeVisible();
	await expect(page.locator('#city-zh')).toHaveValue('阿斯塔纳');
});

test('the second of two editors saving the same item is told what changed and keeps their text', async ({ browser }) => {
	test.setTimeout(60_000);
	const slug = `e2e-conflict-${Date.now()}`;
	const [a, b] = await Promise.all([browser.newContext(), browser.newContext()]);
	const first = await a.newPage();
	const second = await b.newPage();
	await signIn(first, 'enu.editor@demo.welcome.test');
	await signIn(second, 'enu.admin@demo.welcome.test');
	await createDraft(first, slug, { kk: 'Қақтығыс', en: 'Conflict' });
	const editor = first.url();
	await second.goto(editor);

	await first.getByLabel('Title · English').fill('Conflict resolved by the first');
	await first.getByRole('button', { name: 'Save draft' }).click();
	await expect(first.getByText('Saved. The public page is unchanged')).toBeVisible();

	await second.getByLabel('Summary · English').fill('My summary');
	await second.getByRole('button', { name: 'Save draft' }).click();
	await expect(second.getByRole('heading', { name: 'Someone else saved this item while you were editing' })).toBeVisible();
	await expect(second.locator('.conflict ins')).toContainText('resolved by the first');
	await expect(second.getByLabel('Summary · English')).toHaveValue('My summary');
	await a.close();
	await b.close();
});

test('news editing is closed to other institutions (404) and to staff without content rights (403)', async ({ page }) => {
	await signIn(page, 'tongji.admin@demo.welcome.test');
	expect((await page.goto('/en/workspace/enu/news'))?.status()).toBe(404);
	expect((await page.goto('/en/workspace/enu/news/new'))?.status()).toBe(404);
	await page.context().clearCookies();
	await signIn(page, 'enu.staff@demo.welcome.test');
	expect((await page.goto('/en/workspace/enu/news'))?.status()).toBe(403);
});

test('an editor saves a draft with JavaScript off', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, 'enu.editor@demo.welcome.test');
	await createDraft(page, `e2e-nojs-${Date.now()}`, { kk: 'JavaScript-сіз', en: 'Without JavaScript' });
	await page.getByLabel('Summary · English').fill('Works.');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByText('Saved. The public page is unchanged')).toBeVisible();
	await context.close();
});

test('the guide for editors is one click away from every workspace page, in the editor’s language', async ({ page }) => {
	await signIn(page, 'enu.translator@demo.welcome.test', undefined, 'zh');
	for (const path of ['/zh/workspace/enu', '/zh/workspace/enu/news', '/zh/workspace/enu/translations']) {
		await page.goto(path);
		await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: '编辑帮助' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('编辑帮助');
		await expect(page.locator('.prose h2').first()).toBeVisible();
	}
	await expectAccessible(page);
});

test('the profile, too, shows the second editor what the first one changed', async ({ browser }) => {
	const [a, b] = await Promise.all([browser.newContext(), browser.newContext()]);
	const first = await a.newPage();
	const second = await b.newPage();
	await signIn(first, 'enu.editor@demo.welcome.test');
	await signIn(second, 'enu.admin@demo.welcome.test');
	await first.goto('/en/workspace/enu/profile');
	await second.goto('/en/workspace/enu/profile');
	const website = `https://enu.kz/international-${Date.now()}`;
	await first.getByLabel('Website').fill(website);
	await first.getByRole('button', { name: 'Save' }).click();
	await expect(first.getByRole('status')).toBeVisible();

	await second.locator('#description-en').fill('Our own description');
	await second.getByRole('button', { name: 'Save' }).click();
	await expect(second.getByRole('heading', { name: 'Someone else saved this item while you were editing' })).toBeVisible();
	await expect(second.locator('.conflict ins').first()).toContainText('international');
	await expect(second.locator('#description-en')).toHaveValue('Our own description');
	await a.close();
	await b.close();
});

test('events go through the same workflow: draft, publish, public page with its calendar file', async ({ page }) => {
	const slug = `e2e-open-day-${Date.now()}`;
	await signIn(page, 'enu.editor@demo.welcome.test');
	await page.goto('/en/workspace/enu/events');
	await page.getByRole('link', { name: 'New event' }).click();
	await page.getByLabel('Web address name').fill(slug);
	await page.getByLabel('Kind of event').selectOption('open_day');
	await page.getByLabel('First day').fill('2099-05-05');
	await page.getByLabel('Last day').fill('2099-05-04');
	await page.getByLabel('Country code').fill('KZ');
	await page.getByLabel('Title · Қазақша').fill('Ашық есік күні');
	await page.getByRole('button', { name: 'Create draft' }).click();
	await expect(page.locator('#f-endsOn-error')).toBeVisible();
	await page.getByLabel('Last day').fill('2099-05-06');
	await page.getByRole('button', { name: 'Create draft' }).click();
	await expect(page.locator('.state', { hasText: 'Draft' })).toBeVisible();

	for (const [label, text] of [
		['Title · Русский', 'День открытых дверей'],
		['Title · English', 'Open day'],
		['Summary · Қазақша', 'Кампусқа келіңіз.'],
		['Summary · Русский', 'Приходите в кампус.'],
		['Summary · English', 'Come to the campus.']
	] as const) {
		await page.getByLabel(label).fill(text);
	}
	await expect(page.getByLabel('Publish at (optional)')).toHaveCount(0);
	await page.getByRole('button', { name: 'Save and publish' }).click();
	await expect(page.getByText('Published. The portal shows it now.')).toBeVisible();

	await page.goto(`/en/events/${slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open day');
	const ics = await page.request.get(`/en/events/${slug}/event.ics`);
	expect(await ics.text()).toContain('DTSTART;VALUE=DATE:20990505');
});

test('questions and answers appear on the institution profile once published', async ({ page }) => {
	const slug = `e2e-visa-${Date.now()}`;
	await signIn(page, 'enu.editor@demo.welcome.test');
	await page.goto('/en/workspace/enu/faq');
	await page.getByRole('link', { name: 'New question' }).click();
	await page.getByLabel('Web address name').fill(slug);
	await page.getByLabel('Position').fill('1');
	for (const [label, text] of [
		['Question · Қазақша', 'Шақыру хатын қалай аламын?'],
		['Question · Русский', 'Как получить приглашение?'],
		['Question · English', 'How do I get my visa invitation?'],
		['Answer · Қазақша', 'Халықаралық бөлімге жазыңыз.'],
		['Answer · Русский', 'Напишите в международный отдел.'],
		['Answer · English', 'Write to the **international office**; it takes 10 working days.']
	] as const) {
		await page.getByLabel(label).fill(text);
	}
	await page.getByRole('button', { name: 'Create draft' }).click();
	await page.getByRole('button', { name: 'Save and publish' }).click();
	await expect(page.getByText('Published. The portal shows it now.')).toBeVisible();

	await page.goto(`/en/institutions/enu#faq-${slug}`);
	// The demo answers are there too, after this one (lower positions come first).
	await expect(page.locator('#faq-invitation-letter summary')).toHaveText('How do I get the invitation letter for my visa?');
	const answer = page.locator(`#faq-${slug}`);
	await answer.getByText('How do I get my visa invitation?').click();
	await expect(answer.locator('strong')).toHaveText('international office');
	const order = await page.locator('[id^="faq-"] summary').allTextContents();
	expect(order.indexOf('How do I get my visa invitation?')).toBeLessThan(order.indexOf('How do I get the invitation letter for my visa?'));
});

test('an editor adds a document to the library, and it is listed once published', async ({ page }) => {
	const slug = `e2e-leaflet-${Date.now()}`;
	await signIn(page, 'enu.editor@demo.welcome.test');
	await page.goto('/en/workspace/enu/documents');
	await page.getByRole('link', { name: 'New document' }).click();
	await page.getByLabel('Web address name').fill(slug);
	await page.getByLabel('Type').selectOption('leaflet');
	await page.locator('#f-language').selectOption('kk');
	await page.getByLabel('Address of the document').fill('javascript:alert(1)');
	await page.getByLabel('Date of the document').fill('2026-11-20');
	for (const [label, text] of [
		['Title · Қазақша', 'Келу туралы парақша'],
		['Title · Русский', 'Памятка о приезде'],
		['Title · English', 'Arrival leaflet (e2e)']
	] as const) {
		await page.getByLabel(label).fill(text);
	}
	await page.getByRole('button', { name: 'Create draft' }).click();
	await expect(page.locator('#f-url-error')).toBeVisible();
	await page.getByLabel('Address of the document').fill('https://enu.kz/leaflet.pdf');
	await page.getByRole('button', { name: 'Create draft' }).click();
	await page.getByRole('button', { name: 'Save and publish' }).click();
	await expect(page.getByText('Published. The portal shows it now.')).toBeVisible();
	await page.goto('/en/documents?kind=leaflet&language=kk');
	await expect(page.getByRole('link', { name: 'Arrival leaflet (e2e)' })).toBeVisible();
});
