import { expect, test } from './fixtures';
import { expectNoViolations } from './axe';
import { horizontalOverflow, signIn, signOut } from './helpers';

test('ENU’s admin switches EWP on in Kazakh: a wrong address explained, keys made and one replaced, the manifest published, registry and partner checks explained; Tongji gets 404', async ({ page, baseURL }) => {
	test.setTimeout(120_000);
	await signIn(page, 'enu.admin@demo.welcome.test', undefined, 'kk');
	await page.goto('/kk/workspace/enu');
	await page.getByRole('navigation', { name: 'Жұмыс кеңістігінің бөлімдері' }).getByRole('link', { name: 'EWP' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Erasmus Without Paper (EWP)' })).toBeVisible();
	await expect(page.getByText('Өшірулі')).toBeVisible();

	// A technical contact that is not an address: explained next to the field, the box stays ticked.
	await page.getByLabel('Бұл оқу орны үшін EWP қосулы').check();
	await page.getByLabel(/Техникалық байланыс/).fill('ewp-at-enu');
	await page.getByRole('button', { name: 'Сақтау' }).click();
	await expect(page.locator('#f-adminEmail-error')).toBeVisible();
	await expect(page.getByLabel('Бұл оқу орны үшін EWP қосулы')).toBeChecked();
	await page.getByLabel(/Техникалық байланыс/).fill('ewp@enu.kz');
	await page.getByRole('button', { name: 'Сақтау' }).click();
	await expect(page.getByText('Сақталды.')).toBeVisible();
	await expect(page.getByText('Қосулы', { exact: true })).toBeVisible();

	// Both key pairs, with their fingerprints; the manifest names ENU, its Echo API and both keys.
	const keys = page.getByRole('region', { name: 'Кілттер' }).first().getByRole('row');
	await expect(keys).toHaveCount(3);
	await expect(keys.filter({ hasText: 'Қолданыста' })).toHaveCount(2);
	const manifestUrl = `${baseURL}/ewp/enu.kz/manifest.xml`;
	await expect(page.getByRole('link', { name: manifestUrl })).toBeVisible();
	const manifest = await page.request.get(manifestUrl);
	expect(manifest.status()).toBe(200);
	expect(manifest.headers()['content-type']).toContain('application/xml');
	const xml = await manifest.text();
	expect(xml).toContain('<r:hei id="enu.kz">');
	expect(xml).toContain(`${baseURL}/ewp/enu.kz/echo`);
	expect(xml.match(/<rsa-public-key>/g)).toHaveLength(2);

	await page.getByRole('button', { name: 'Клиент кілтін ауыстыру' }).click();
	await expect(page.getByText('Жаңа кілт жасалды.', { exact: false })).toBeVisible();
	await expect(keys).toHaveCount(4);
	await expect(keys.filter({ hasText: 'Ауыстырылды' })).toHaveCount(1);
	// The replaced client key stays published for a day beside the new one.
	expect((await (await page.request.get(manifestUrl)).text()).match(/<rsa-public-key>/g)).toHaveLength(3);

	// No catalogue at the configured place: the reason, not a crash.
	await page.getByRole('button', { name: 'Тізілімді қазір оқу' }).click();
	await expect(page.getByRole('alert')).toContainText('Тізілімді оқу мүмкін болмады');
	await expect(page.getByRole('region', { name: 'Тізілім' })).toContainText('ENOENT');
	await page.getByLabel('Серіктестің hei-id').fill('upc.edu');
	await page.getByRole('button', { name: 'Echo шақыру' }).click();
	await expect(page.getByRole('alert')).toContainText('the registry catalogue has not been read yet');
	await expect(page.getByLabel('Серіктестің hei-id')).toHaveValue('upc.edu');
	await expect(page.getByRole('region', { name: 'Соңғы алмасулар' }).first().getByRole('row', { name: /upc\.edu/ })).toContainText('Жіберілді');

	// Partners' servers post without an Origin; unsigned, they get EWP's 401 and its challenge.
	const unsigned = await page.request.post('/ewp/enu.kz/echo', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: 'echo=1' });
	expect(unsigned.status()).toBe(401);
	expect(unsigned.headers()['www-authenticate']).toBe('Signature realm="EWP"');
	expect(await unsigned.text()).toContain('<developer-message>');

	await page.setViewportSize({ width: 360, height: 800 });
	await page.reload();
	expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
	await expectNoViolations(page, '/kk/workspace/enu/ewp');

	// Staff run the office but not its EWP host; another institution does not learn it exists.
	await signOut(page);
	await signIn(page, 'enu.staff@demo.welcome.test', undefined, 'kk');
	expect((await page.goto('/kk/workspace/enu/ewp'))?.status()).toBe(403);
	await signOut(page);
	await signIn(page, 'tongji.admin@demo.welcome.test', undefined, 'kk');
	expect((await page.goto('/kk/workspace/enu/ewp'))?.status()).toBe(404);
});
