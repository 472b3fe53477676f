import { and, asc, count, desc, eq, gte, isNull, lt, lte, type SQL } from 'drizzle-orm';
import { institutionDirectory } from '../institutions/institutions.views';
import { optionalDirectoryShortNameIn } from '../institutions/short-name';
import type { Locale } from '$lib/i18n/locales';
import { paged, pageWindow, type PageRequest } from '$lib/pagination';
import { notFound } from '../platform/errors';
import type { Platform, ServiceContext } from '../platform/context';
import { DOCUMENTS, EVENTS, FAQ, NEWS } from './news.data';
import { event, faqItem, libraryDocument, newsItem } from './news.tables';

/** Adds the demo news, events and documents that are missing. */
export async function seedDemoNews(platform: Platform) {
	const ids = new Map((await platform.db.select({ id: institutionDirectory.id, slug: institutionDirectory.slug }).from(institutionDirectory)).map((r) => [r.slug, r.id]));
	const owner = (slug?: string) => (slug ? (ids.get(slug) ?? null) : null);
	await platform.db
		.insert(event)
		.values(EVENTS.map(({ institution: slug, ...e }) => ({ ...e, institutionId: owner(slug), isDemo: e.isDemo ?? false })))
		.onConflictDoNothing();
	await platform.db
		.insert(newsItem)
		.values(NEWS.map(({ institution: slug, publishedAt, ...n }) => ({ ...n, publishedAt: new Date(publishedAt), institutionId: owner(slug), isDemo: true })))
		.onConflictDoNothing();
	const faq = FAQ.flatMap(({ institution: slug, ...f }) => {
		const institutionId = owner(slug);
		return institutionId ? [{ ...f, institutionId, status: 'published' as const, isDemo: true }] : [];
	});
	if (faq.length) await platform.db.insert(faqItem).values(faq).onConflictDoNothing();
	const [anyDocument] = await platform.db.select({ id: libraryDocument.id }).from(libraryDocument).limit(1);
	if (!anyDocument) {
		await platform.db.insert(libraryDocument).values(DOCUMENTS.map(({ institution: slug, ...d }) => ({ ...d, institutionId: owner(slug), isDemo: true })));
	}
}

const byInstitution = (column: typeof newsItem.institutionId | typeof event.institutionId, institutionId?: string | null): SQL | undefined =>
	institutionId === undefined ? undefined : institutionId === null ? isNull(column) : eq(column, institutionId);

/** Public news: published, and its publication time has come (scheduled items wait). */
/** Published, and its publication time has come by the platform's clock (scheduled items appear on time, no job needed). */
export const newsIsPublic = (now: Date) => and(eq(newsItem.status, 'published'), lte(newsItem.publishedAt, now));

const ownerColumns = (locale: Locale) => ({ institutionSlug: institutionDirectory.slug, institutionShortName: optionalDirectoryShortNameIn(locale) });

export async function listNews(ctx: ServiceContext, options: { institutionId?: string | null; limit?: number } = {}) {
	return ctx.db
		.select({ id: newsItem.id, slug: newsItem.slug, title: newsItem.title, summary: newsItem.summary, publishedAt: newsItem.publishedAt, isDemo: newsItem.isDemo, ...ownerColumns(ctx.locale) })
		.from(newsItem)
		.leftJoin(institutionDirectory, eq(institutionDirectory.id, newsItem.institutionId))
		.where(and(newsIsPublic(ctx.clock.now()), byInstitution(newsItem.institutionId, options.institutionId)))
		.orderBy(desc(newsItem.publishedAt))
		.limit(options.limit ?? 50);
}

export async function getNews(ctx: ServiceContext, slug: string) {
	const [row] = await ctx.db
		.select({ news: newsItem, ...ownerColumns(ctx.locale) })
		.from(newsItem)
		.leftJoin(institutionDirectory, eq(institutionDirectory.id, newsItem.institutionId))
		.where(and(eq(newsItem.slug, slug), newsIsPublic(ctx.clock.now())));
	if (!row) throw notFound();
	return row;
}

const eventColumns = (locale: Locale) => ({
	id: event.id,
	slug: event.slug,
	title: event.title,
	summary: event.summary,
	kind: event.kind,
	startsOn: event.startsOn,
	endsOn: event.endsOn,
	city: event.city,
	countryCode: event.countryCode,
	online: event.online,
	isDemo: event.isDemo,
	...ownerColumns(locale)
});

/** Upcoming events (ending today or later), soonest first; or past ones, latest first. */
export async function listEvents(ctx: ServiceContext, options: { when: 'upcoming' | 'past'; today: string; institutionId?: string | null; limit?: number }) {
	const time = options.when === 'upcoming' ? gte(event.endsOn, options.today) : lt(event.endsOn, options.today);
	return ctx.db
		.select(eventColumns(ctx.locale))
		.from(event)
		.leftJoin(institutionDirectory, eq(institutionDirectory.id, event.institutionId))
		.where(and(eq(event.status, 'published'), time, byInstitution(event.institutionId, options.institutionId)))
		.orderBy(options.when === 'upcoming' ? asc(event.startsOn) : desc(event.startsOn))
		.limit(options.limit ?? 100);
}

export async function getEvent(ctx: ServiceContext, slug: string) {
	const [row] = await ctx.db
		.select(eventColumns(ctx.locale))
		.from(event)
		.leftJoin(institutionDirectory, eq(institutionDirectory.id, event.institutionId))
		.where(and(eq(event.slug, slug), eq(event.status, 'published')));
	if (!row) throw notFound();
	return row;
}

/** The documents library's page size. */
export const DOCUMENTS_PAGE_SIZE = 50;

/** The public documents library: published documents, newest first, filtered, a page at a time ($lib/pagination.ts). */
export async function listDocuments(ctx: ServiceContext, filters: { kind?: string | null; language?: string | null } & PageRequest = {}) {
	const where = and(
		eq(libraryDocument.status, 'published'),
		filters.kind ? eq(libraryDocument.kind, filters.kind) : undefined,
		filters.language ? eq(libraryDocument.language, filters.language) : undefined
	);
	const [counted] = await ctx.db.select({ n: count() }).from(libraryDocument).where(where);
	const total = counted?.n ?? 0;
	const window = pageWindow(total, filters, { pageSize: DOCUMENTS_PAGE_SIZE });
	const rows = await ctx.db
		.select({ id: libraryDocument.id, title: libraryDocument.title, kind: libraryDocument.kind, language: libraryDocument.language, url: libraryDocument.url, publishedOn: libraryDocument.publishedOn, isDemo: libraryDocument.isDemo, ...ownerColumns(ctx.locale) })
		.from(libraryDocument)
		.leftJoin(institutionDirectory, eq(institutionDirectory.id, libraryDocument.institutionId))
		.where(where)
		.orderBy(desc(libraryDocument.publishedOn), desc(libraryDocument.id))
		.limit(window.pageSize)
		.offset(window.offset);
	return paged(rows, total, window);
}

/** Events and news of one institution, for its profile. */
export async function institutionNewsAndEvents(ctx: ServiceContext, institutionId: string, today: string) {
	const [news, upcoming] = await Promise.all([
		listNews(ctx, { institutionId, limit: 5 }),
		listEvents(ctx, { when: 'upcoming', today, institutionId, limit: 5 })
	]);
	return { news, upcoming };
}

