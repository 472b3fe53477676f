import { and, eq, sql } from 'drizzle-orm';
import { LOCALES, LOCALE_TAGS } from '$lib/i18n/locales';
import type { LocalizedText } from '$lib/i18n/localized-text';
import type { Db } from '../db/database';
import { rowsOf } from '../platform/sql-rows';
import type { Platform, ServiceContext } from '../platform/context';
import { searchDocument } from './search.tables';

export type SearchKind = 'institution' | 'programme' | 'scholarship' | 'guide' | 'news' | 'event';

/** One public page as search finds it: the texts it is found by and shown with. */
export type SearchDocument = typeof searchDocument.$inferInsert & { kind: SearchKind };

/**
 * A kind of public page that search covers. Each content module describes its own pages (its
 * `*.search.ts`) and registers them at boot (`boot/registry.ts`), so search reads no one's tables.
 */
export interface SearchSource {
	kind: SearchKind;
	/** Every published page of this kind, for a rebuild. */
	documents(db: Db): Promise<SearchDocument[]>;
}

const sources = new Map<SearchKind, SearchSource>();

export function registerSearchSource(source: SearchSource) {
	sources.set(source.kind, source);
}

/** The texts of several localised fields, lower-cased, for matching. */
export const searchTexts = (...values: (LocalizedText | null | undefined)[]) =>
	values
		.flatMap((v) => Object.values(v ?? {}))
		.filter(Boolean)
		.join(' \n ')
		.toLowerCase();

/** A country's name in every language (so "Қазақстан" and "哈萨克斯坦" find Kazakh pages). */
export const countryNames = (code: string): LocalizedText =>
	Object.fromEntries(LOCALES.map((l) => [l, new Intl.DisplayNames([LOCALE_TAGS[l]], { type: 'region' }).of(code) ?? code]));

/** Any number: the lock a rebuild holds, so that workers starting together rebuild once. */
const REBUILD_LOCK_ID = 7_316_552_017;

/**
 * Rebuilds the search index from every registered source. Runs at start-up after seeding. When
 * several processes start at once (workers, servers), one rebuilds and the others find it at
 * work and skip it (null) instead of rewriting the same rows after it. One source at a time.
 */
export async function rebuildSearchIndex(platform: Platform): Promise<number | null> {
	return platform.db.transaction(async (tx) => {
		const [lock] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${REBUILD_LOCK_ID}) as locked`));
		if (!lock?.locked) return null;
		await tx.delete(searchDocument);
		let count = 0;
		for (const source of sources.values()) {
			const rows = await source.documents(tx);
			for (let i = 0; i < rows.length; i += 500) await tx.insert(searchDocument).values(rows.slice(i, i + 500));
			count += rows.length;
		}
		return count;
	});
}

/** Puts pages in the index, or updates them (by path); a scheduled one becomes findable on time. */
export async function indexDocuments(ctx: Pick<ServiceContext, 'db'>, docs: SearchDocument[]) {
	for (let i = 0; i < docs.length; i += 500) {
		await ctx.db
			.insert(searchDocument)
			.values(docs.slice(i, i + 500))
			.onConflictDoUpdate({ target: searchDocument.path, set: { kind: sql`excluded.kind`, title: sql`excluded.title`, summary: sql`excluded.summary`, titles: sql`excluded.titles`, body: sql`excluded.body`, visibleFrom: sql`excluded.visible_from` } });
	}
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
		.where(and(sql`(${searchDocument.body} like ${contains} or ${searchDocument.tsv} @@ ${tsquery})`, sql`(${searchDocument.visibleFrom} is null or ${searchDocument.visibleFrom} <= ${ctx.clock.now().toISOString()}::timestamptz)`, options.kind ? eq(searchDocument.kind, options.kind) : undefined))
		.orderBy(sql`${score} desc`, searchDocument.path)
		.limit(options.limit ?? 30);
}
