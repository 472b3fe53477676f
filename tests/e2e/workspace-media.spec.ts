import { expect, test } from './fixtures';
import sharp from 'sharp';
import { signIn } from './helpers';

async function photo() {
	return sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2a6f97' } })
		.jpeg()
		.withMetadata({ exif: { IFD0: { Copyright: 'Camera owner', ImageDescription: 'GPS 51.16 N 71.44 E' } } })
		.toBuffer();
}

test('an editor uploads a photo with its text alternatives and shows it on the public profile', async ({ page }) => {
	test.setTimeout(60_000);
	await signIn(page, 'enu.editor@demo.welcome.test');
	await page.goto('/en/workspace/enu/media');

	// Text alternatives are required in Kazakh, Russian and English (ENU's languages).
	await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'campus.jpg', mimeType: 'image/jpeg', buffer: await photo() });
	await page.getByLabel('Text alternative · Қазақша').fill('Университет ғимараты');
	await page.getByRole('button', { name: 'Upload' }).click();
	await expect(page.locator('#alt-ru-error')).toBeVisible();
	await expect(page.getByLabel('Text alternative · Қазақша')).toHaveValue('Университет ғимараты');

	await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'campus.jpg', mimeType: 'image/jpeg', buffer: await photo() });
	await page.getByLabel('Text alternative · Русский').fill('Здание университета');
	await page.getByLabel('Text alternative · English').fill('The university building');
	await page.getByRole('button', { name: 'Upload' }).click();
	await expect(page.getByText('Uploaded.')).toBeVisible();
	const snippet = await page.getByLabel('To use it in a text (Markdown)').inputValue();
	expect(snippet).toMatch(/^!\[The university building\]\(\/media\/[0-9a-f-]{36}\/1280\.jpg\)$/);

	// The stored copies carry no metadata.
	const src = snippet.match(/\((.+)\)/)![1]!;
	const stored = await page.request.get(src);
	expect(stored.headers()['cache-control']).toContain('immutable');
	expect((await sharp(await stored.body()).metadata()).exif).toBeUndefined();

	// Profile photo, shown on the public page with the visitor's language.
	await page.goto('/en/workspace/enu/profile');
	await page.getByLabel('Photo on the public profile').selectOption({ label: 'The university building (campus.jpg)' });
	await page.getByRole('button', { name: 'Save' }).click();
	await page.goto('/ru/institutions/enu');
	await expect(page.getByRole('img', { name: 'Здание университета' })).toBeVisible();
	await page.goto('/en/institutions/enu');
	await expect(page.getByRole('img', { name: 'The university building' })).toBeVisible();
});

test('a file whose content is not an image or PDF is refused, whatever its name', async ({ page }) => {
	await signIn(page, 'enu.editor@demo.welcome.test');
	await page.goto('/en/workspace/enu/media');
	await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') });
	await page.getByRole('button', { name: 'Upload' }).click();
	await expect(page.locator('#f-file-error')).toContainText('The type is read from the file itself');
});
