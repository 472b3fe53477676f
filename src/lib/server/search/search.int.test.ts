import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../platform/sql-rows';
import { seedDemo } from '../demo/demo.seed';
import { seedGuides } from '../guides/guides.service';
import type { RunningPlatform } from '../boot/platform';
import { contextFor } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { normaliseQuery, rebuildSearchIndex, search } from './search.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
	await seedDemo(platform);
	await rebuildSearchIndex(platform);
});
afterAll(async () => platform?.close());

const find = async (q: string, kind?: 'programme') => (await search(await contextFor(platform, null), q, { kind })).map((r) => r.path);

describe('rebuilding the index', () => {
	it('happens once when workers start together, and leaves every page findable', async () => {
		const results = await Promise.all([rebuildSearchIndex(platform), rebuildSearchIndex(platform)]);
		const built = results.filter((n): n is number => n !== null);
		// PostgreSQL runs both at once and one finds the other at work; PGlite runs them one after the other.
		expect(built.length).toBe(platform.database.kind === 'postgres' ? 1 : 2);
		expect(built[0]).toBeGreaterThan(50);
		const [{ n }] = rowsOf<{ n: number }>(await platform.db.execute(sql`select count(*)::int as n from search_document`)) as [{ n: number }];
		expect(n).toBe(built[0]);
		expect((await find('同济'))[0]).toBe('/institutions/tongji');
	});
});

describe('search', () => {
	it('finds Chinese text written without spaces', async () => {
		expect((await find('同济'))[0]).toBe('/institutions/tongji');
		expect(await find('土木')).toContain('/institutions/tongji/programmes/civil-engineering-meng');
	});

	it('finds Cyrillic text in Russian and Kazakh, whatever the case', async () => {
		expect((await find('Евразийский'))[0]).toBe('/institutions/enu');
		expect(await find('ЕУРАЗИЯ')).toContain('/institutions/enu');
		expect((await find('Қазақстан')).some((p) => p === '/countries/kz')).toBe(true);
	});

	it('ranks a title match above a mention in the text', async () => {
		const results = await find('civil engineering');
		expect(results[0]).toBe('/institutions/tongji/programmes/civil-engineering-meng');
	});

	it('finds words in any order with full-text search', async () => {
		expect(await find('engineering civil')).toContain('/institutions/tongji/programmes/civil-engineering-meng');
	});

	it('narrows to one kind of page', async () => {
		const results = await find('tongji', 'programme');
		expect(results.length).toBeGreaterThan(0);
		expect(results.every((p) => p.includes('/programmes/'))).toBe(true);
	});

	it('treats LIKE wildcards and odd input as plain text', async () => {
		expect(await find('%')).toEqual([]);
		expect(await find('_')).toEqual([]);
		expect(await find("'; drop table search_document; --")).toEqual([]);
		expect(await find('   ')).toEqual([]);
		expect(normaliseQuery('  ＴＯＮＧＪＩ   University ')).toBe('tongji university');
	});
});
