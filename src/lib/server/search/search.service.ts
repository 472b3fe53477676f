import { and, eq, sql } from 'drizzle-orm';
import { LOCALES, LOCALE_TAGS } from '$lib/i18n/locales';
import type { LocalizedText } from '$lib/i18n/localized-text';
import { countryGuide } from '../guides/guides.tables';
import { institution } from '../institutions/institutions.tables';
import { event, newsItem } from '../news/news.tables';
import type { Platform, ServiceContext } from '../platform/context';
import { programme } from '../programmes/programmes.tables';
import { scholarship } from '../scholarships/scholarships.tables';
import { searchDocument } from './search.tables';

export type SearchKind = 'institution' | 'programme' | 'scholarship' | 'guide' | 'news' | 'event';

const texts = (...values: (LocalizedText | null | undefined)[]) =>
	values
		.flatMap((v) => Object.values(v ?? {}))
		.filter(Boolean)
		.join(' \n ')
		.toLowerCase();

/**
 * Rebuilds the search index from the published content. Runs at start-up after seeding; the
 * content workspace will update single rows on publish.
 */
export async function rebuildSearchIndex(platform: Platform) {
	const db = platform.db;
	const [institutions, programmes, scholarships, guides, news, events] = await Promise.all([
		db.select().from(institution),
		db.select({ p: programme, slug: institution.slug, name: institution.name }).from(programme).innerJoin(institution, eq(institution.id, programme.institutionId)).where(eq(programme.status, 'published')),
		db.select().from(scholarship).where(eq(scholarship.status, 'published')),
		db.select().from(countryGuide),
		db.select().from(newsItem).where(eq(newsItem.status, 'published')),
		db.select().from(event).where(eq(event.status, 'published'))
	]);
	const countryNames = (code: string): LocalizedText =>
		Object.fromEntries(LOCALES.map((l) => [l, new Intl.DisplayNames([LOCALE_TAGS[l]], { type: 'region' }).of(code) ?? code]));
	const rows: (typeof searchDocument.$inferInsert)[] = [
		...institutions.map((i) => ({
			kind: 'institution',
			path: `/institutions/${i.slug}`,
			title: i.name,
			summary: i.city,
			titles: `${texts(i.name)} ${i.shortName.toLowerCase()}`,
			body: `${i.shortName.toLowerCase()} \n ${texts(i.name, i.city, i.description, countryNames(i.countryCode))}`
		})),
		...programmes.map(({ p, slug, name }) => programmeDocument(p, slug, name)),
		...scholarships.map(scholarshipDocument),
		...guides.map((g) => ({
			kind: 'guide',
			path: `/countries/${g.countryCode.toLowerCase()}`,
			title: countryNames(g.countryCode),
			summary: g.summary,
			titles: texts(countryNames(g.countryCode)),
			body: texts(countryNames(g.countryCode), g.summary, g.creditSystem, g.gradeScale, g.academicCalendar, g.insurance)
		})),
		...news.map(newsDocument),
		...events.map(eventDocument)
	];
	await db.transaction(async (tx) => {
		await tx.delete(searchDocument);
		for (let i = 0; i < rows.length; i += 500) await tx.insert(searchDocument).values(rows.slice(i, i + 500));
	});
	return rows.length;
}

function programmeDocument(p: Pick<typeof programme.$inferSelect, 'slug' | 'title' | 'summary'>, institutionSlug: string, institutionName: LocalizedText): typeof searchDocument.$inferInsert {
	return {
		kind: 'programme',
		path: `/institutions/${institutionSlug}/programmes/${p.slug}`,
		title: p.title,
		summary: institutionName,
		titles: texts(p.title),
		body: texts(p.title, p.summary, institutionName)
	};
}

/** Puts published programmes of one institution in the index (or updates them). */
export async function indexProgrammes(ctx: Pick<ServiceContext, 'db'>, institutionSlug: string, institutionName: LocalizedText, rows: Pick<typeof programme.$inferSelect, 'slug' | 'title' | 'summary'>[]) {
	for (let i = 0; i < rows.length; i += 500) {
		await ctx.db
			.insert(searchDocument)
			.values(rows.slice(i, i + 500).map((p) => programmeDocument(p, institutionSlug, institutionName)))
			.onConflictDoUpdate({ target: searchDocument.path, set: { title: sql`excluded.title`, summary: sql`excluded.summary`, titles: sql`excluded.titles`, body: sql`excluded.body` } });
	}
}

function scholarshipDocument(s: Pick<typeof scholarship.$inferSelect, 'slug' | 'name' | 'provider' | 'summary'>): typeof searchDocument.$inferInsert {
	return { kind: 'scholarship', path: `/scholarships/${s.slug}`, title: s.name, summary: s.provider, titles: texts(s.name), body: texts(s.name, s.provider, s.summary) };
}

/** Puts a published scholarship in the index (or updates it). */
export async function indexScholarship(ctx: Pick<ServiceContext, 'db'>, s: typeof scholarship.$inferSelect) {
	const doc = scholarshipDocument(s);
	await ctx.db.insert(searchDocument).values(doc).onConflictDoUpdate({ target: searchDocument.path, set: { title: doc.title, summary: doc.summary, titles: doc.titles, body: doc.body } });
}

function eventDocument(e: typeof event.$inferSelect): typeof searchDocument.$inferInsert {
	return { kind: 'event', path: `/events/${e.slug}`, title: e.title, summary: e.summary, titles: texts(e.title), body: texts(e.title, e.summary, e.city) };
}

/** Puts a published event in the index (or updates it). */
export async function indexEvent(ctx: Pick<ServiceContext, 'db'>, e: typeof event.$inferSelect) {
	const doc = eventDocument(e);
	await ctx.db.insert(searchDocument).values(doc).onConflictDoUpdate({ target: searchDocument.path, set: { title: doc.title, summary: doc.summary, titles: doc.titles, body: doc.body } });
}

function newsDocument(n: typeof newsItem.$inferSelect): typeof searchDocument.$inferInsert {
	return { kind: 'news', path: `/news/${n.slug}`, title: n.title, summary: n.summary, titles: texts(n.title), body: texts(n.title, n.summary, n.body), visibleFrom: n.publishedAt };
}

/** Puts a published news item in the index (or updates it); scheduled ones become findable on time. */
export async function indexNews(ctx: Pick<ServiceContext, 'db'>, n: typeof newsItem.$inferSelect) {
	const doc = newsDocument(n);
	await ctx.db.insert(searchDocument).values(doc).onConflictDoUpdate({ target: searchDocument.path, set: { title: doc.title, summary: doc.summary, titles: doc.titles, body: doc.body, visibleFrom: doc.visibleFrom } });
}

export async function removeFromIndex(ctx: Pick<ServiceContext, 'db'>, path: string) {
	await ctx.db.delete(searchDocument).where(eq(searchDocument.path, path));
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Normalises what people type: trims, lower-cases, collapses spaces, caps the length. */
export function normaliseQuery(q: string | null | undefined) {
	return (q ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase().slice(0, 100);
}

/**
 * Ranked search over every public page: title matches first (prefix, then anywhere), then
 * full-text rank, then any substring match (the way Chinese is found).
 */
export async function search(ctx: ServiceContext, rawQuery: string, options: { kind?: SearchKind | null; limit?: number } = {}) {
	const q = normaliseQuery(rawQuery);
	if (!q) return [];
	const contains = `%${escapeLike(q)}%`;
	const prefix = `${escapeLike(q)}%`;
	const tsquery = sql`plainto_tsquery('simple', ${q})`;
	const score = sql<number>`(case when ${searchDocument.titles} like ${prefix} then 4 when ${searchDocument.titles} like ${contains} then 3 else 0 end)
		+ ts_rank(${searchDocument.tsv}, ${tsquery}) * 2
		+ (case when ${searchDocument.body} like ${contains} then 1 else 0 end)`;
	return ctx.db
		.select({ kind: searchDocument.kind, path: searchDocument.path, title: searchDocument.title, summary: searchDocument.summary, score })
		.from(searchDocument)
		.where(and(sql`(${searchDocument.body} like ${contains} or ${searchDocument.tsv} @@ ${tsquery})`, sql`(${searchDocument.visibleFrom} is null or ${searchDocument.visibleFrom} <= now())`, options.kind ? eq(searchDocument.kind, options.kind) : undefined))
		.orderBy(sql`${score} desc`, searchDocument.path)
		.limit(options.limit ?? 30);
}
