import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/demo.seed';
import type { RunningPlatform } from '../boot/platform';
import { contextFor, makeInstitution } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { eventsToIcs, newsToAtom } from './calendar';
import { DOCUMENTS_PAGE_SIZE, getEvent, listDocuments, listEvents, listNews } from './news.service';
import { libraryDocument } from './news.tables';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedDemo(platform);
	await seedDemo(platform);
});
afterAll(async () => platform?.close());

describe('news, events and documents', () => {
	it('has the WELCOME project’s real events, in the past by now, latest first', async () => {
		const past = await listEvents(await contextFor(platform, null), { when: 'past', today: '2026-11-28' });
		expect(past.map((e) => e.slug).slice(0, 1)).toEqual(['training-perpignan-2019']);
		expect(past.map((e) => e.slug)).toContain('conference-beijing-2019');
	});

	it('lists upcoming events soonest first, and an event lasting until today is still upcoming', async () => {
		const ctx = await contextFor(platform, null);
		const upcoming = await listEvents(ctx, { when: 'upcoming', today: '2026-11-28' });
		expect(upcoming.map((e) => e.slug)).toEqual(['webinar-study-in-kazakhstan-2027', 'open-day-tongji-2027', 'welcome-week-enu-2027']);
		const lastDay = await listEvents(ctx, { when: 'upcoming', today: '2027-08-30' });
		expect(lastDay.map((e) => e.slug)).toEqual(['welcome-week-enu-2027']);
	});

	it('names institutions the way each language writes them (同济 in Chinese, Тунцзи in Kazakh), Latin where none is set', async () => {
		const shortNameOf = async (locale: 'zh' | 'kk' | 'en', slug: string) =>
			(await listEvents(await contextFor(platform, null, locale), { when: 'past', today: '2026-11-28' })).find((e) => e.slug === slug)?.institutionShortName;
		expect(await shortNameOf('zh', 'conference-shanghai-2017')).toBe('同济');
		expect(await shortNameOf('kk', 'conference-shanghai-2017')).toBe('Тунцзи');
		expect(await shortNameOf('en', 'conference-shanghai-2017')).toBe('Tongji');
		expect(await shortNameOf('zh', 'training-stockholm-2018')).toBe('KTH');
		const news = await listNews(await contextFor(platform, null, 'kk'));
		expect(news.find((n) => n.slug === 'closing-forum-astana')?.institutionShortName).toBe('ЕҰУ');
	});

	it('writes an event to a calendar file with the last day included', async () => {
		const e = await getEvent(await contextFor(platform, null), 'conference-beijing-2019');
		const ics = eventsToIcs([e], 'zh', 'https://welcome.example', 'WELCOME');
		expect(ics).toContain('DTSTART;VALUE=DATE:20190514');
		expect(ics).toContain('DTEND;VALUE=DATE:20190517');
		expect(ics).toContain('https://welcome.example/zh/events/conference-beijing-2019');
	});

	it('publishes news as an Atom feed in the reader’s language, newest first', async () => {
		const news = await listNews(await contextFor(platform, null));
		const atom = newsToAtom(news, 'ru', 'https://welcome.example', 'WELCOME · Новости');
		expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">');
		expect(atom.indexOf('planner-launch')).toBeLessThan(atom.indexOf('closing-forum-astana'));
		expect(atom).toMatch(/<title>[^<]*[а-я][^<]*<\/title>/i);
	});

	it('filters the documents library by type and language', async () => {
		const ctx = await contextFor(platform, null);
		expect((await listDocuments(ctx, { kind: 'guide' })).items.map((d) => d.language).sort()).toEqual(['ru', 'zh']);
		expect((await listDocuments(ctx, { kind: 'poster', language: 'zh' })).items).toEqual([]);
	});
});

describe('the documents library', () => {
	it('comes a page at a time; a page past the last is the last, a bad one the first', async () => {
		const ctx = await contextFor(platform, null);
		const filters = { kind: 'presentation', language: 'kk' };
		const before = (await listDocuments(ctx, filters)).total;
		const inst = await makeInstitution(platform);
		const added = DOCUMENTS_PAGE_SIZE + 3;
		await platform.db.insert(libraryDocument).values([
			...Array.from({ length: added }, (_, i) => ({ institutionId: inst.id, slug: `slides-${i}`, title: { kk: `Слайдтар ${i}` }, ...filters, url: 'https://example.org/slides.pdf', publishedOn: '2026-01-01' })),
			{ institutionId: inst.id, slug: 'unpublished', title: { kk: 'Жоба' }, ...filters, url: 'https://example.org/draft.pdf', publishedOn: '2026-01-01', status: 'draft' as const }
		]);
		const total = before + added;
		const pageCount = Math.ceil(total / DOCUMENTS_PAGE_SIZE);
		const first = await listDocuments(ctx, filters);
		expect(first).toMatchObject({ total, page: 1, pageSize: DOCUMENTS_PAGE_SIZE, pageCount });
		expect(first.items).toHaveLength(DOCUMENTS_PAGE_SIZE);
		const last = await listDocuments(ctx, { ...filters, page: pageCount });
		expect(last.items).toHaveLength(total - (pageCount - 1) * DOCUMENTS_PAGE_SIZE);
		expect(await listDocuments(ctx, { ...filters, page: 10_000 })).toEqual(last);
		expect((await listDocuments(ctx, { ...filters, page: -3 })).page).toBe(1);
		const everyPage = await Promise.all(Array.from({ length: pageCount }, (_, i) => listDocuments(ctx, { ...filters, page: i + 1 })));
		expect(new Set(everyPage.flatMap((p) => p.items.map((d) => d.id))).size).toBe(total);
		await platform.db.delete(libraryDocument).where(eq(libraryDocument.institutionId, inst.id));
	});
});
