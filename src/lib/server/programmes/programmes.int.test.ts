import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFinderQuery } from '$lib/programmes/finder';
import { seedDemo } from '../demo/demo.seed';
import { AppError } from '../platform/errors';
import type { RunningPlatform } from '../boot/platform';
import { contextFor, makeInstitution } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { findProgrammes, getProgramme, listInstitutionProgrammes, PROFILE_PROGRAMMES_LIMIT } from './programmes.service';
import { programme } from './programmes.tables';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedDemo(platform);
});
afterAll(async () => platform?.close());

const TODAY = '2026-12-01';
async function find(query: string, locale: 'en' | 'ru' = 'en') {
	const ctx = await contextFor(platform, null, locale);
	return findProgrammes(ctx, parseFinderQuery(new URLSearchParams(query)).filters, TODAY);
}

describe('the programme finder', () => {
	it('filters by level, language and country together', async () => {
		const { items } = await find('level=master&language=en&country=CN');
		expect(items.map((p) => p.slug).sort()).toEqual(['aeronautical-engineering-msc', 'civil-engineering-meng', 'urban-planning-master']);
	});

	it('filters by field of study (ISCED-F broad field) and city', async () => {
		const { items } = await find('field=06&city=Astana');
		expect(items.map((p) => p.slug)).toEqual(['computer-science-msc']);
	});

	it('compares tuition across currencies in euros and sorts cheapest first', async () => {
		const { items } = await find('level=master&tuitionMax=4000&sort=tuition');
		const tuitions = items.map((p) => p.slug);
		expect(tuitions[0]).toBe('international-trade-ma'); // KZT 1.5 million ≈ €2,600
		expect(tuitions).not.toContain('sustainable-urban-planning'); // SEK 155,000 ≈ €13,600
		expect(tuitions).toContain('chemical-engineering-master'); // €3,600
	});

	it('shows only programmes whose application window contains today', async () => {
		const { items } = await find('open=1');
		expect(items.length).toBeGreaterThan(0);
		for (const p of items) expect(p.applicationOpens! <= TODAY && TODAY <= p.applicationDeadline!).toBe(true);
		expect(items.map((p) => p.slug)).not.toContain('pharmacy-phd'); // opens in March 2027
	});

	it('pages through the results 20 at a time, each programme once', async () => {
		const first = await find('');
		const second = await find('page=2');
		expect(first.items).toHaveLength(20);
		expect(first.total).toBe(first.items.length + second.items.length);
		expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(first.total);
	});

	it('sorts by the title in the reader’s language', async () => {
		const { items } = await find('country=KZ&sort=title', 'ru');
		const titles = items.map((p) => p.title.ru ?? p.title.en!);
		expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'ru')));
	});

	it('finds a new institution’s programme by the institution’s country, whatever its row was given', async () => {
		const inst = await makeInstitution(platform, { countryCode: 'MN' });
		await platform.db.insert(programme).values({ institutionId: inst.id, countryCode: 'FR', slug: 'steppe-ecology', title: { en: 'Steppe ecology' }, level: 'master', iscedCode: '0521', languages: ['en'], durationMonths: 24, status: 'published' });
		const inMongolia = await find('country=MN&level=master');
		expect(inMongolia.items.map((p) => p.slug)).toEqual(['steppe-ecology']);
		expect(inMongolia.total).toBe(1);
		expect((await find('country=FR')).items.map((p) => p.slug)).not.toContain('steppe-ecology');
		await platform.db.delete(programme).where(eq(programme.institutionId, inst.id));
	});

	it('never shows drafts, in the finder or by address', async () => {
		const inst = await makeInstitution(platform, { countryCode: 'KZ' });
		await platform.db.insert(programme).values({ institutionId: inst.id, slug: 'secret', title: { en: 'Draft' }, level: 'master', iscedCode: '0613', languages: ['en'], durationMonths: 12, status: 'draft' });
		expect((await find(`institution=${inst.slug}`)).total).toBe(0);
		const error = await getProgramme(await contextFor(platform, null), inst.slug, 'secret').catch((e) => e);
		expect(error).toBeInstanceOf(AppError);
		expect((error as AppError).status).toBe(404);
		await platform.db.delete(programme).where(eq(programme.institutionId, inst.id));
	});
});

describe('an institution’s programmes on its profile', () => {
	it('lists the first few published ones and counts them all, for the link to the finder', async () => {
		const inst = await makeInstitution(platform, { countryCode: 'KZ' });
		const row = (i: number, status: 'published' | 'draft' = 'published') => ({ institutionId: inst.id, slug: `p-${status}-${i}`, title: { en: `Programme ${i}` }, level: 'master', iscedCode: '0613', languages: ['en'], durationMonths: 12, status });
		await platform.db.insert(programme).values([...Array.from({ length: PROFILE_PROGRAMMES_LIMIT + 5 }, (_, i) => row(i)), row(0, 'draft'), row(1, 'draft')]);
		const listed = await listInstitutionProgrammes(await contextFor(platform, null), inst.id);
		expect(listed.total).toBe(PROFILE_PROGRAMMES_LIMIT + 5);
		expect(listed.items).toHaveLength(PROFILE_PROGRAMMES_LIMIT);
		expect(listed.items.every((p) => p.slug.startsWith('p-published-'))).toBe(true);
		// The finder filtered by the institution, where the profile links, has them all.
		expect((await find(`institution=${inst.slug}`)).total).toBe(PROFILE_PROGRAMMES_LIMIT + 5);
		await platform.db.delete(programme).where(eq(programme.institutionId, inst.id));
	});
});
