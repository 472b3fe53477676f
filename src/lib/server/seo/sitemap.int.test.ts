import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { seedGuides } from '../guides/guides.service';
import { createNews, publishNews } from '../news/news-editing.service';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { publicPaths } from './sitemap';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

describe('the sitemap’s pages, as each module registers them', () => {
	it('lists the portal’s pages, profiles, country guides and public news, never a draft', async () => {
		const inst = await makeInstitution(platform);
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
		const story = { title: { en: 'Open day', ru: 'День открытых дверей' }, summary: { en: 'Meet us.', ru: 'Приходите.' }, body: {} };
		const published = await createNews(editor, inst.id, { ...story, slug: `sitemap-public-${Date.now()}` });
		await publishNews(editor, inst.id, published.id, { version: 1 });
		const draft = await createNews(editor, inst.id, { ...story, slug: `sitemap-draft-${Date.now()}` });

		const paths = await publicPaths(await contextFor(platform, null));
		const byPath = new Map(paths.map((p) => [p.path, p]));
		for (const page of ['', '/programmes', '/costs', '/news', '/events', '/documents', `/news/${published.slug}`]) expect(byPath.has(page), page).toBe(true);
		expect(byPath.get(`/institutions/${inst.slug}`)?.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(byPath.has('/countries/kz')).toBe(true);
		expect(byPath.has(`/news/${draft.slug}`)).toBe(false);
		expect(new Set(paths.map((p) => p.path)).size).toBe(paths.length);
	});
});
