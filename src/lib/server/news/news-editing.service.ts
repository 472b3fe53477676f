import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import { cleanLocalizedText, type LocalizedText } from '$lib/i18n/localized-text';
import type { MessageKey } from '$lib/i18n/messages';
import { authorizeInstitution, canInstitution } from '../access/policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { appendRevision, getRevision, listRevisions, revisionsByNumber, setRevisionState, type RevisionState } from '../content/revisions.service';
import { diffSnapshots } from '../content/revision-diff';
import { nextTranslationSources, translationGaps, type TranslationSources } from '../content/translation-status';
import { countryGuide } from '../guides/guides.tables';
import { pageCache } from '../http-cache/page-cache';
import { institution } from '../institutions/institutions.tables';
import { inTransaction, type ServiceContext } from '../platform/context';
import { AppError, invalidInput, notFound } from '../platform/errors';
import { parseInput } from '../platform/validation';
import { indexNews, removeFromIndex } from '../search/search.service';
import { newsItem } from './news.tables';

/**
 * Editing an institution's news: drafts, optional review, publishing now or at a set time,
 * unpublishing, revisions with diffs and restore, translations with review flags, optimistic
 * locking. The pattern every editable content type follows (docs/ARCHITECTURE.md, "Editing").
 */
export const NEWS_TRANSLATED_FIELDS = ['title', 'summary', 'body'] as const;
/** Needed in every language the institution publishes in before an item can go public. */
export const NEWS_REQUIRED_FIELDS = ['title', 'summary'] as const;
const NEWS_PLAIN_FIELDS = ['slug'] as const;

export interface NewsSnapshot {
	slug: string;
	title: LocalizedText;
	summary: LocalizedText;
	body: LocalizedText;
	sources: TranslationSources;
}

const localized = (max: number) =>
	z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().max(max, 'error_too_long').optional()])) as Record<Locale, z.ZodOptional<z.ZodString>>);

const newsInputSchema = z.object({
	slug: z
		.string()
		.trim()
		.toLowerCase()
		.regex(/^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$/, 'error_slug_invalid'),
	title: localized(200),
	summary: localized(600),
	body: localized(20_000)
});

const versionSchema = z.coerce.number().int().positive();

/** Reads `title.en`, `title.ru`… from a flat form into { title: { en, ru } }. */
export function newsInputFromForm(input: Record<string, string>) {
	return {
		slug: input.slug ?? '',
		...Object.fromEntries(NEWS_TRANSLATED_FIELDS.map((field) => [field, Object.fromEntries(LOCALES.map((l) => [l, input[`${field}.${l}`] ?? '']))]))
	};
}

async function ownerOf(ctx: ServiceContext, institutionId: string) {
	const [owner] = await ctx.db
		.select({ defaultLocale: institution.defaultLocale, locales: institution.locales, timeZone: countryGuide.timeZone })
		.from(institution)
		.leftJoin(countryGuide, eq(countryGuide.countryCode, institution.countryCode))
		.where(eq(institution.id, institutionId));
	if (!owner) throw notFound();
	return { timeZone: owner.timeZone ?? 'UTC', sourceLocale: owner.defaultLocale as Locale, locales: [...new Set([owner.defaultLocale, ...owner.locales])].filter((l): l is Locale => (LOCALES as readonly string[]).includes(l)) };
}

async function loadOwned(ctx: ServiceContext, institutionId: string, id: string) {
	if (!z.uuid().safeParse(id).success) throw notFound();
	const [row] = await ctx.db
		.select()
		.from(newsItem)
		.where(and(eq(newsItem.id, id), eq(newsItem.institutionId, institutionId)));
	if (!row) throw notFound();
	return row;
}

type NewsRow = typeof newsItem.$inferSelect;

function snapshotOfRow(row: NewsRow): NewsSnapshot {
	return { slug: row.slug, title: row.title, summary: row.summary, body: row.body, sources: {} };
}

/** What editors work on: the newest revision, or the row itself before any edit. */
async function workingCopy(ctx: ServiceContext, row: NewsRow) {
	if (row.latestRevision === 0) return { snapshot: snapshotOfRow(row), number: 0, state: (row.status === 'published' ? 'published' : 'draft') as RevisionState, authorName: null, createdAt: row.updatedAt };
	const revision = await getRevision(ctx, { entityType: 'news', entityId: row.id }, row.latestRevision);
	if (!revision) throw new Error(`news ${row.id}: revision ${row.latestRevision} missing`);
	return { snapshot: revision.data as unknown as NewsSnapshot, number: revision.number, state: revision.state as RevisionState, authorName: revision.authorName, createdAt: revision.createdAt };
}

/** Public status as editors see it. */
export type NewsPublicState = 'draft' | 'scheduled' | 'published' | 'unpublished';
function publicState(row: NewsRow, now = new Date()): NewsPublicState {
	if (row.status === 'published') return row.publishedAt > now ? 'scheduled' : 'published';
	return row.status === 'unpublished' ? 'unpublished' : 'draft';
}
const liveNumber = (row: NewsRow) => (row.status === 'draft' ? null : (row.liveRevision ?? 0));

function abilities(ctx: ServiceContext, institutionId: string) {
	return {
		edit: canInstitution(ctx.actor, 'content.edit', institutionId),
		translate: canInstitution(ctx.actor, 'content.translate', institutionId),
		publish: canInstitution(ctx.actor, 'content.publish', institutionId)
	};
}

/** The institution's news for its workspace, newest first, with status and translation gaps. */
export async function listNewsForEditing(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	const owner = await ownerOf(ctx, institutionId);
	const rows = await ctx.db.select().from(newsItem).where(eq(newsItem.institutionId, institutionId)).orderBy(desc(newsItem.publishedAt));
	const latest = await revisionsByNumber(
		ctx,
		'news',
		rows.map((r) => ({ entityId: r.id, number: r.latestRevision }))
	);
	return rows.map((row) => {
		const revision = latest.get(row.id);
		const snapshot = revision ? (revision.data as unknown as NewsSnapshot) : snapshotOfRow(row);
		const live = liveNumber(row);
		return {
			id: row.id,
			slug: row.slug,
			title: snapshot.title,
			publicState: publicState(row),
			publishedAt: row.publishedAt,
			reviewRequested: revision?.state === 'in_review',
			pendingChanges: live !== null && row.latestRevision > live,
			gaps: translationGaps(NEWS_TRANSLATED_FIELDS, snapshot, snapshot.sources ?? {}, owner.sourceLocale),
			updatedAt: row.updatedAt,
			isDemo: row.isDemo
		};
	});
}

/** One item for the editor: the working copy, its status, what is missing, what the actor may do. */
export async function getNewsForEditing(ctx: ServiceContext, institutionId: string, id: string) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	const row = await loadOwned(ctx, institutionId, id);
	const owner = await ownerOf(ctx, institutionId);
	const working = await workingCopy(ctx, row);
	const live = liveNumber(row);
	return {
		id: row.id,
		version: row.version,
		revision: working.number,
		snapshot: working.snapshot,
		reviewRequested: working.state === 'in_review',
		publicState: publicState(row),
		publishedAt: row.publishedAt,
		pendingChanges: live !== null && working.number > live,
		liveSlug: row.status === 'draft' ? null : row.slug,
		sourceLocale: owner.sourceLocale,
		locales: owner.locales,
		timeZone: owner.timeZone,
		gaps: translationGaps(NEWS_TRANSLATED_FIELDS, working.snapshot, working.snapshot.sources ?? {}, owner.sourceLocale),
		can: abilities(ctx, institutionId),
		isDemo: row.isDemo
	};
}

async function assertSlugFree(ctx: ServiceContext, slug: string, exceptId: string | null) {
	const [taken] = await ctx.db
		.select({ id: newsItem.id })
		.from(newsItem)
		.where(exceptId ? and(eq(newsItem.slug, slug), ne(newsItem.id, exceptId)) : eq(newsItem.slug, slug));
	if (taken) throw invalidInput({ slug: 'error_address_taken' });
}

function parseNews(input: unknown, sourceLocale: Locale) {
	const data = parseInput(newsInputSchema, input);
	const clean = { slug: data.slug, title: cleanLocalizedText(data.title), summary: cleanLocalizedText(data.summary), body: cleanLocalizedText(data.body) };
	if (!clean.title[sourceLocale]) throw invalidInput({ [`title.${sourceLocale}`]: 'error_required' });
	return clean;
}

/** A new draft news item (editors). */
export async function createNews(ctx: ServiceContext, institutionId: string, input: unknown) {
	authorizeInstitution(ctx.actor, 'content.edit', institutionId);
	const owner = await ownerOf(ctx, institutionId);
	const data = parseNews(input, owner.sourceLocale);
	return inTransaction(ctx, async (tx) => {
		await assertSlugFree(tx, data.slug, null);
		const snapshot: NewsSnapshot = { ...data, sources: nextTranslationSources(NEWS_TRANSLATED_FIELDS, null, data, {}, owner.sourceLocale) };
		const [created] = await tx.db
			.insert(newsItem)
			.values({ institutionId, ...data, status: 'draft', publishedAt: new Date(), latestRevision: 1 })
			.returning();
		await appendRevision(tx, { entityType: 'news', entityId: created!.id, institutionId, number: 1, data: { ...snapshot } });
		await recordAudit(tx, { entityType: 'news', entityId: created!.id, institutionId, action: 'news.create', changes: diffFields(null, data) });
		return created!;
	});
}

/**
 * Saves a new revision. Editors change anything; translators only the languages other than
 * the source language. The save names the version it started from: if someone saved in
 * between, nothing is written and the caller shows what changed (`changesSince`).
 */
export async function saveNews(ctx: ServiceContext, institutionId: string, id: string, input: unknown, version: unknown, note: string | null = null) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	const fullEdit = canInstitution(ctx.actor, 'content.edit', institutionId);
	const expected = versionSchema.parse(version);
	const owner = await ownerOf(ctx, institutionId);
	const data = parseNews(input, owner.sourceLocale);
	return inTransaction(ctx, async (tx) => {
		const row = await loadOwned(tx, institutionId, id);
		if (row.version !== expected) throw new AppError('conflict', 409, 'error_stale_edit');
		const before = await workingCopy(tx, row);
		if (!fullEdit) assertOnlyTranslations(before.snapshot, data, owner.sourceLocale);
		if (data.slug !== row.slug) await assertSlugFree(tx, data.slug, row.id);
		const changes = diffFields(pick(before.snapshot), data);
		if (!Object.keys(changes).length) return { saved: false as const, version: row.version };
		const [locked] = await tx.db
			.update(newsItem)
			.set({ version: sql`${newsItem.version} + 1`, latestRevision: before.number + 1, liveRevision: row.latestRevision === 0 && row.status !== 'draft' ? 0 : row.liveRevision, updatedAt: new Date() })
			.where(and(eq(newsItem.id, id), eq(newsItem.version, expected)))
			.returning({ version: newsItem.version });
		if (!locked) throw new AppError('conflict', 409, 'error_stale_edit');
		// The state before the first edit becomes revision 0, so history starts from it.
		if (row.latestRevision === 0) await appendRevision(tx, { entityType: 'news', entityId: id, institutionId, number: 0, data: { ...before.snapshot }, state: before.state, byPlatform: true });
		const sources = nextTranslationSources(NEWS_TRANSLATED_FIELDS, before.snapshot, data, before.snapshot.sources ?? {}, owner.sourceLocale);
		await appendRevision(tx, { entityType: 'news', entityId: id, institutionId, number: before.number + 1, data: { ...data, sources }, note });
		await recordAudit(tx, { entityType: 'news', entityId: id, institutionId, action: fullEdit ? 'news.update' : 'news.translate', changes });
		return { saved: true as const, version: locked.version };
	});
}

const pick = (s: NewsSnapshot) => ({ slug: s.slug, title: s.title, summary: s.summary, body: s.body });

function assertOnlyTranslations(before: NewsSnapshot, after: Omit<NewsSnapshot, 'sources'>, sourceLocale: Locale) {
	const touched = after.slug !== before.slug || NEWS_TRANSLATED_FIELDS.some((f) => (after[f][sourceLocale] ?? '') !== (before[f][sourceLocale] ?? ''));
	if (touched) throw new AppError('forbidden', 403, 'error_translation_only');
}

/** What changed between the revision someone started from and the newest one. */
export async function changesSince(ctx: ServiceContext, institutionId: string, id: string, fromRevision: number) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	const row = await loadOwned(ctx, institutionId, id);
	const latest = await workingCopy(ctx, row);
	const base = fromRevision === latest.number ? latest.snapshot : ((await getRevision(ctx, { entityType: 'news', entityId: id }, fromRevision))?.data as unknown as NewsSnapshot | undefined);
	return {
		by: latest.authorName,
		at: latest.createdAt,
		changes: diffSnapshots(base ? pick(base) : null, pick(latest.snapshot), { localized: NEWS_TRANSLATED_FIELDS, plain: NEWS_PLAIN_FIELDS })
	};
}

/** Asks someone who may publish to look at the newest revision. */
export async function requestNewsReview(ctx: ServiceContext, institutionId: string, id: string, version: unknown) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	return inTransaction(ctx, async (tx) => {
		const row = await loadOwned(tx, institutionId, id);
		if (row.version !== versionSchema.parse(version)) throw new AppError('conflict', 409, 'error_stale_edit');
		const live = liveNumber(row);
		if (row.latestRevision === 0 || (live !== null && row.latestRevision <= live)) throw new AppError('invalid_input', 400, 'error_nothing_to_review');
		await setRevisionState(tx, { entityType: 'news', entityId: id }, row.latestRevision, 'in_review');
		await recordAudit(tx, { entityType: 'news', entityId: id, institutionId, action: 'news.request_review' });
	});
}

/**
 * Publishes the newest revision, now or at `publishAt` (a scheduled publication simply becomes
 * visible then). Every language the institution publishes in needs the required fields.
 */
export async function publishNews(ctx: ServiceContext, institutionId: string, id: string, options: { version: unknown; publishAt?: Date | null; now?: Date }) {
	authorizeInstitution(ctx.actor, 'content.publish', institutionId);
	const now = options.now ?? new Date();
	const owner = await ownerOf(ctx, institutionId);
	return inTransaction(ctx, async (tx) => {
		const row = await loadOwned(tx, institutionId, id);
		if (row.version !== versionSchema.parse(options.version)) throw new AppError('conflict', 409, 'error_stale_edit');
		const working = await workingCopy(tx, row);
		const missing: Partial<Record<string, MessageKey>> = {};
		for (const locale of owner.locales) for (const field of NEWS_REQUIRED_FIELDS) if (!working.snapshot[field][locale]) missing[`${field}.${locale}`] = 'error_translation_required';
		if (Object.keys(missing).length) throw invalidInput(missing, 'error_publish_missing_translations');
		const scheduled = options.publishAt && options.publishAt > now ? options.publishAt : null;
		if (scheduled && publicState(row, now) === 'published') throw invalidInput({ publishAt: 'error_schedule_live' });
		await assertSlugFree(tx, working.snapshot.slug, row.id);
		const firstTime = row.status === 'draft';
		const publishedAt = scheduled ?? (firstTime || publicState(row, now) === 'scheduled' ? now : row.publishedAt);
		const number = row.latestRevision;
		if (number === 0 && row.status === 'published') return { version: row.version }; // nothing new
		const [updated] = await tx.db
			.update(newsItem)
			.set({ ...pick(working.snapshot), status: 'published', publishedAt, liveRevision: number, version: sql`${newsItem.version} + 1`, updatedAt: now })
			.where(and(eq(newsItem.id, id), eq(newsItem.version, row.version)))
			.returning();
		if (!updated) throw new AppError('conflict', 409, 'error_stale_edit');
		if (number > 0) await setRevisionState(tx, { entityType: 'news', entityId: id }, number, 'published');
		if (row.slug !== updated.slug) await removeFromIndex(tx, `/news/${row.slug}`);
		await indexNews(tx, updated);
		pageCache.invalidate();
		await recordAudit(tx, {
			entityType: 'news',
			entityId: id,
			institutionId,
			action: scheduled ? 'news.schedule' : 'news.publish',
			changes: { revision: { from: liveNumber(row), to: number }, publishedAt: { from: firstTime ? null : row.publishedAt.toISOString(), to: publishedAt.toISOString() } }
		});
		return { version: updated.version };
	});
}

/** Takes an item off the public pages (it stays editable and can be published again). */
export async function unpublishNews(ctx: ServiceContext, institutionId: string, id: string, version: unknown) {
	authorizeInstitution(ctx.actor, 'content.publish', institutionId);
	return inTransaction(ctx, async (tx) => {
		const row = await loadOwned(tx, institutionId, id);
		if (row.status !== 'published') return { version: row.version };
		const [updated] = await tx.db
			.update(newsItem)
			.set({ status: 'unpublished', version: sql`${newsItem.version} + 1`, updatedAt: new Date() })
			.where(and(eq(newsItem.id, id), eq(newsItem.version, versionSchema.parse(version))))
			.returning({ version: newsItem.version });
		if (!updated) throw new AppError('conflict', 409, 'error_stale_edit');
		await removeFromIndex(tx, `/news/${row.slug}`);
		pageCache.invalidate();
		await recordAudit(tx, { entityType: 'news', entityId: id, institutionId, action: 'news.unpublish' });
		return updated;
	});
}

/** Deletes an item that was never published (a published one is unpublished instead). */
export async function deleteNewsDraft(ctx: ServiceContext, institutionId: string, id: string) {
	authorizeInstitution(ctx.actor, 'content.edit', institutionId);
	return inTransaction(ctx, async (tx) => {
		const row = await loadOwned(tx, institutionId, id);
		if (row.status !== 'draft') throw new AppError('invalid_input', 400, 'error_delete_published');
		await tx.db.delete(newsItem).where(eq(newsItem.id, id));
		await recordAudit(tx, { entityType: 'news', entityId: id, institutionId, action: 'news.delete', changes: diffFields({ slug: row.slug }, { slug: null }) });
	});
}

/** The revision history, newest first, each with its readable diff from the one before. */
export async function newsHistory(ctx: ServiceContext, institutionId: string, id: string) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	const row = await loadOwned(ctx, institutionId, id);
	const revisions = await listRevisions(ctx, { entityType: 'news', entityId: id });
	return { live: liveNumber(row), latest: row.latestRevision, version: row.version, revisions };
}

export async function newsRevisionDiff(ctx: ServiceContext, institutionId: string, id: string, number: number) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	await loadOwned(ctx, institutionId, id);
	const key = { entityType: 'news' as const, entityId: id };
	const revision = await getRevision(ctx, key, number);
	if (!revision) throw notFound();
	const previous = number > 0 ? await getRevision(ctx, key, number - 1) : null;
	const after = revision.data as unknown as NewsSnapshot;
	return {
		revision: { number: revision.number, state: revision.state, authorName: revision.authorName, createdAt: revision.createdAt, note: revision.note },
		snapshot: after,
		changes: diffSnapshots(previous ? pick(previous.data as unknown as NewsSnapshot) : null, pick(after), { localized: NEWS_TRANSLATED_FIELDS, plain: NEWS_PLAIN_FIELDS })
	};
}

/** Makes an old revision the newest draft again (the history keeps everything in between). */
export async function restoreNewsRevision(ctx: ServiceContext, institutionId: string, id: string, number: number, version: unknown) {
	authorizeInstitution(ctx.actor, 'content.edit', institutionId);
	const revision = await getRevision(ctx, { entityType: 'news', entityId: id }, number);
	if (!revision || revision.institutionId !== institutionId) throw notFound();
	const snapshot = revision.data as unknown as NewsSnapshot;
	return saveNews(ctx, institutionId, id, pick(snapshot), version, `#${number}`);
}
