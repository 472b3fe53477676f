import { and, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Locale } from '$lib/i18n/locales';
import type { LocalizedText } from '$lib/i18n/localized-text';
import type { MessageKey } from '$lib/i18n/messages';
import { paged, pageWindow, type PageRequest, type Paged } from '$lib/pagination';
import { authorizeInstitution, canInstitution } from '../access/policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { invalidatePages } from '../http-cache/page-cache';
import { inTransaction, type ServiceContext } from '../platform/context';
import { AppError, invalidInput, notFound, staleEdit } from '../platform/errors';
import { parseVersion, isUuid } from '../platform/validation';
import { contentOwner } from './content-owner';
import { diffSnapshots } from '../editing/revision-diff';
import { appendRevision, deleteRevisions, getRevision, listRevisions, revisionsByNumber, setRevisionState, type ContentType, type RevisionState } from './revisions.service';
import { nextTranslationSources, translationGaps, type TranslationSources } from '../editing/translation-status';

/**
 * The editorial workflow, once for every content type (docs/ARCHITECTURE.md, "Editing
 * content"): drafts, optional review, publishing (now, or at a set time where the type has a
 * publication date), unpublishing, revisions with readable diffs and restore, translations with
 * review flags, optimistic locking, audit. A content type gives its table, its fields and how
 * a snapshot maps to the row; `editableContent` returns the service functions.
 */

/** The columns every editable table has (see news_item, event). */
export interface EditableColumns {
	id: PgColumn;
	institutionId: PgColumn;
	slug: PgColumn;
	status: PgColumn;
	version: PgColumn;
	latestRevision: PgColumn;
	liveRevision: PgColumn;
	updatedAt: PgColumn;
	isDemo: PgColumn;
}

export interface EditableRow {
	id: string;
	institutionId: string | null;
	slug: string;
	status: string;
	version: number;
	latestRevision: number;
	liveRevision: number | null;
	updatedAt: Date;
	isDemo: boolean;
	publishedAt?: Date;
}

/** What a revision holds: the editable fields, plus where each translation came from. */
export type Snapshot<Data> = Data & { sources: TranslationSources };

export interface EditableDefinition<Data extends { slug: string }> {
	entityType: ContentType;
	table: PgTable & EditableColumns;
	/** Translated fields (LocalizedText), in form order. */
	translated: readonly string[];
	/** Needed in every language the institution publishes in before publishing. */
	required: readonly string[];
	/** Needed in the source language to save at all. */
	sourceRequired: string;
	/** Other editable fields (for diffs), `slug` first. */
	plain: readonly string[];
	/** Input → data (validated, texts cleaned); throws invalidInput with field keys. */
	parse(input: unknown): Data;
	fromRow(row: EditableRow & Record<string, unknown>): Data;
	/** The row's columns for a snapshot (written when publishing; for drafts at creation). */
	toRow(data: Data): Record<string, unknown>;
	/** Checks that need the database (e.g. a known currency); throws invalidInput. Runs before every write. */
	check?(ctx: ServiceContext, data: Data): Promise<void>;
	/** Columns computed from the data with the database's help (e.g. tuition in euros), written with toRow. */
	derive?(ctx: ServiceContext, data: Data): Promise<Record<string, unknown>>;
	/** Types with a publication date (`publishedAt` column) can be scheduled. */
	publishedAt?: PgColumn;
	/** Row order in the workspace list (newest or largest first). */
	listOrder: SQL | PgColumn;
	/** Columns a new row needs that come from its institution, not from the form (e.g. its country). */
	insertDefaults?(ctx: ServiceContext, institutionId: string): Promise<Record<string, unknown>>;
	/** Addresses are unique across the platform (news, events) or within the institution (FAQ). */
	slugScope?: 'platform' | 'institution';
	index(ctx: ServiceContext, row: EditableRow & Record<string, unknown>): Promise<void>;
	/** Takes the item, as it was published under `row.slug`, out of search. */
	unindex(ctx: ServiceContext, row: { slug: string; institutionId: string | null }): Promise<void>;
}

export type PublicState = 'draft' | 'scheduled' | 'published' | 'unpublished';

/** How many revisions `listForAttention` reads at once. */
const ATTENTION_CHUNK = 200;

export function editableContent<Data extends { slug: string }>(def: EditableDefinition<Data>) {
	type Row = EditableRow & Record<string, unknown>;
	const t = def.table;
	const key = (entityId: string) => ({ entityType: def.entityType, entityId });
	const pick = (s: Data | Snapshot<Data>): Data => {
		const { sources: _sources, ...data } = s as Snapshot<Data>;
		return data as unknown as Data;
	};
	const diff = (before: Data | null, after: Data) => diffSnapshots(before as Record<string, unknown> | null, after as Record<string, unknown>, { localized: def.translated, plain: def.plain });

	function publicState(row: Row, now = new Date()): PublicState {
		if (row.status === 'published') return def.publishedAt && row.publishedAt && row.publishedAt > now ? 'scheduled' : 'published';
		return row.status === 'unpublished' ? 'unpublished' : 'draft';
	}
	const liveNumber = (row: Row) => (row.status === 'draft' ? null : (row.liveRevision ?? 0));

	async function loadOwned(ctx: ServiceContext, institutionId: string, id: string): Promise<Row> {
		if (!isUuid(id)) throw notFound();
		const [row] = await ctx.db
			.select()
			.from(t)
			.where(and(eq(t.id, id), eq(t.institutionId, institutionId)));
		if (!row) throw notFound();
		return row as Row;
	}

	/** What editors work on: the newest revision, or the row itself before any edit. */
	async function workingCopy(ctx: ServiceContext, row: Row) {
		if (row.latestRevision === 0) {
			return { snapshot: { ...def.fromRow(row), sources: {} } as Snapshot<Data>, number: 0, state: (row.status === 'published' ? 'published' : 'draft') as RevisionState, authorName: null as string | null, createdAt: row.updatedAt };
		}
		const revision = await getRevision(ctx, key(row.id), row.latestRevision);
		if (!revision) throw new Error(`${def.entityType} ${row.id}: revision ${row.latestRevision} missing`);
		return { snapshot: revision.data as unknown as Snapshot<Data>, number: revision.number, state: revision.state as RevisionState, authorName: revision.authorName, createdAt: revision.createdAt };
	}

	async function assertSlugFree(ctx: ServiceContext, institutionId: string, slug: string, exceptId: string | null) {
		const [taken] = await ctx.db
			.select({ id: t.id })
			.from(t)
			.where(and(eq(t.slug, slug), exceptId ? ne(t.id, exceptId) : undefined, def.slugScope === 'institution' ? eq(t.institutionId, institutionId) : undefined));
		if (taken) throw invalidInput({ slug: 'error_address_taken' });
	}

	function parse(input: unknown, sourceLocale: Locale) {
		const data = def.parse(input);
		if (!(data as Record<string, LocalizedText>)[def.sourceRequired]?.[sourceLocale]) throw invalidInput({ [`${def.sourceRequired}.${sourceLocale}`]: 'error_required' });
		return data;
	}

	function assertOnlyTranslations(before: Data, after: Data, sourceLocale: Locale) {
		const b = before as Record<string, unknown>;
		const a = after as Record<string, unknown>;
		const plainChanged = def.plain.some((f) => JSON.stringify(a[f] ?? null) !== JSON.stringify(b[f] ?? null));
		const sourceChanged = def.translated.some((f) => ((a[f] as LocalizedText)?.[sourceLocale] ?? '') !== ((b[f] as LocalizedText)?.[sourceLocale] ?? ''));
		if (plainChanged || sourceChanged) throw new AppError('forbidden_change', 'error_translation_only');
	}

	const abilities = (ctx: ServiceContext, institutionId: string) => ({
		edit: canInstitution(ctx.actor, 'content.edit', institutionId),
		translate: canInstitution(ctx.actor, 'content.translate', institutionId),
		publish: canInstitution(ctx.actor, 'content.publish', institutionId)
	});

	/** An item as the workspace lists it: status and translation gaps of its newest revision. */
	function listed(row: Row, revision: { data: unknown; state: string } | undefined, sourceLocale: Locale) {
		const snapshot = revision ? (revision.data as Snapshot<Data>) : ({ ...def.fromRow(row), sources: {} } as Snapshot<Data>);
		const live = liveNumber(row);
		return {
			id: row.id,
			slug: row.slug,
			snapshot,
			title: (snapshot as Record<string, unknown>)[def.sourceRequired] as LocalizedText,
			publicState: publicState(row),
			publishedAt: row.publishedAt ?? row.updatedAt,
			reviewRequested: revision?.state === 'in_review',
			pendingChanges: live !== null && row.latestRevision > live,
			gaps: translationGaps(def.translated, snapshot, snapshot.sources ?? {}, sourceLocale),
			updatedAt: row.updatedAt,
			isDemo: row.isDemo
		};
	}

	/** Newest (or largest) first, then by id, so that pages never share or skip a row. */
	const order = () => [desc(def.listOrder), desc(t.id)];

	/**
	 * The institution's items for its workspace, a page at a time (`pageWindow`: 50 by default,
	 * at most 200; a bad page is the first, one past the end the last), with status and
	 * translation gaps; revisions are read for the rows of the page only.
	 */
	async function list(ctx: ServiceContext, institutionId: string, request: PageRequest = {}): Promise<Paged<ReturnType<typeof listed>>> {
		authorizeInstitution(ctx.actor, 'content.translate', institutionId);
		const owner = await contentOwner(ctx, institutionId);
		const mine = eq(t.institutionId, institutionId);
		const [counted] = await ctx.db.select({ n: count() }).from(t).where(mine);
		const total = counted?.n ?? 0;
		const window = pageWindow(total, request);
		const rows = (await ctx.db
			.select()
			.from(t)
			.where(mine)
			.orderBy(...order())
			.limit(window.pageSize)
			.offset(window.offset)) as Row[];
		const latest = await revisionsByNumber(
			ctx,
			def.entityType,
			rows.map((r) => ({ entityId: r.id, number: r.latestRevision }))
		);
		return paged(
			rows.map((row) => listed(row, latest.get(row.id), owner.sourceLocale)),
			total,
			window
		);
	}

	/**
	 * Every item's state and translation gaps, for the dashboard and the translators' list,
	 * which count all of them. The rows are read without their texts; the newest revisions
	 * (or, for an item never edited, its row) a chunk at a time; only what those lists show is
	 * kept (title, state, gaps), never the snapshots.
	 */
	async function listForAttention(ctx: ServiceContext, institutionId: string) {
		authorizeInstitution(ctx.actor, 'content.translate', institutionId);
		const owner = await contentOwner(ctx, institutionId);
		const rows = (await ctx.db
			.select({
				id: t.id,
				institutionId: t.institutionId,
				slug: t.slug,
				status: t.status,
				version: t.version,
				latestRevision: t.latestRevision,
				liveRevision: t.liveRevision,
				updatedAt: t.updatedAt,
				isDemo: t.isDemo,
				...(def.publishedAt ? { publishedAt: def.publishedAt } : {})
			})
			.from(t)
			.where(eq(t.institutionId, institutionId))
			.orderBy(...order())) as Row[];
		const result: Omit<ReturnType<typeof listed>, 'snapshot'>[] = [];
		for (let start = 0; start < rows.length; start += ATTENTION_CHUNK) {
			const chunk = rows.slice(start, start + ATTENTION_CHUNK);
			const latest = await revisionsByNumber(
				ctx,
				def.entityType,
				chunk.map((r) => ({ entityId: r.id, number: r.latestRevision }))
			);
			const unrevised = chunk.filter((r) => !latest.has(r.id)).map((r) => r.id);
			const full = new Map(unrevised.length ? ((await ctx.db.select().from(t).where(and(eq(t.institutionId, institutionId), inArray(t.id, unrevised)))) as Row[]).map((r) => [r.id, r]) : []);
			for (const row of chunk) {
				const { snapshot: _snapshot, ...item } = listed(full.get(row.id) ?? row, latest.get(row.id), owner.sourceLocale);
				result.push(item);
			}
		}
		return result;
	}

	/**
	 * The institution's items for its export: each row as the public sees it, plus the newest
	 * revision when it has unpublished changes.
	 */
	async function exportRows(ctx: ServiceContext, institutionId: string) {
		authorizeInstitution(ctx.actor, 'content.edit', institutionId);
		const rows = (await ctx.db.select().from(t).where(eq(t.institutionId, institutionId)).orderBy(desc(def.listOrder))) as Row[];
		const drafts = await revisionsByNumber(
			ctx,
			def.entityType,
			rows.filter((r) => r.latestRevision > (r.liveRevision ?? 0)).map((r) => ({ entityId: r.id, number: r.latestRevision }))
		);
		return rows.map(({ version: _version, ...row }) => ({ ...row, newestDraft: drafts.get(row.id)?.data ?? null }));
	}

	/** One item for the editor: the working copy, its status, what is missing, what the actor may do. */
	async function get(ctx: ServiceContext, institutionId: string, id: string) {
		authorizeInstitution(ctx.actor, 'content.translate', institutionId);
		const row = await loadOwned(ctx, institutionId, id);
		const owner = await contentOwner(ctx, institutionId);
		const working = await workingCopy(ctx, row);
		const live = liveNumber(row);
		return {
			id: row.id,
			version: row.version,
			revision: working.number,
			snapshot: working.snapshot,
			reviewRequested: working.state === 'in_review',
			publicState: publicState(row),
			publishedAt: row.publishedAt ?? row.updatedAt,
			pendingChanges: live !== null && working.number > live,
			liveSlug: row.status === 'draft' ? null : row.slug,
			sourceLocale: owner.sourceLocale,
			locales: owner.locales,
			timeZone: owner.timeZone,
			gaps: translationGaps(def.translated, working.snapshot, working.snapshot.sources ?? {}, owner.sourceLocale),
			can: abilities(ctx, institutionId),
			isDemo: row.isDemo
		};
	}

	/** A new draft (editors). */
	async function create(ctx: ServiceContext, institutionId: string, input: unknown) {
		authorizeInstitution(ctx.actor, 'content.edit', institutionId);
		const owner = await contentOwner(ctx, institutionId);
		const data = parse(input, owner.sourceLocale);
		return inTransaction(ctx, async (tx) => {
			await assertSlugFree(tx, institutionId, data.slug, null);
			await def.check?.(tx, data);
			const snapshot = { ...data, sources: nextTranslationSources(def.translated, null, data, {}, owner.sourceLocale) };
			const [created] = (await tx.db
				.insert(t)
				.values({ institutionId, ...(await def.insertDefaults?.(tx, institutionId)), ...def.toRow(data), ...(await def.derive?.(tx, data)), status: 'draft', latestRevision: 1, ...(def.publishedAt ? { publishedAt: new Date() } : {}) } as never)
				.returning()) as Row[];
			await appendRevision(tx, { ...key(created!.id), institutionId, number: 1, data: { ...snapshot } });
			await recordAudit(tx, { entityType: def.entityType, entityId: created!.id, institutionId, action: `${def.entityType}.create`, changes: diffFields(null, data as Record<string, unknown>) });
			return created!;
		});
	}

	/**
	 * Saves a new revision. Editors change anything; translators only the languages other than
	 * the source. The save names the version it started from; if someone saved in between,
	 * nothing is written and the caller shows what changed (`changesSince`).
	 */
	async function save(ctx: ServiceContext, institutionId: string, id: string, input: unknown, version: unknown, note: string | null = null) {
		authorizeInstitution(ctx.actor, 'content.translate', institutionId);
		const fullEdit = canInstitution(ctx.actor, 'content.edit', institutionId);
		const expected = parseVersion(version);
		const owner = await contentOwner(ctx, institutionId);
		const data = parse(input, owner.sourceLocale);
		return inTransaction(ctx, async (tx) => {
			const row = await loadOwned(tx, institutionId, id);
			if (row.version !== expected) throw staleEdit();
			const before = await workingCopy(tx, row);
			if (!fullEdit) assertOnlyTranslations(pick(before.snapshot), data, owner.sourceLocale);
			if (data.slug !== row.slug) await assertSlugFree(tx, institutionId, data.slug, row.id);
			await def.check?.(tx, data);
			const changes = diffFields(pick(before.snapshot) as Record<string, unknown>, data as Record<string, unknown>);
			if (!Object.keys(changes).length) return { saved: false as const, version: row.version };
			const [locked] = await tx.db
				.update(t)
				.set({ version: sql`${t.version} + 1`, latestRevision: before.number + 1, liveRevision: row.latestRevision === 0 && row.status !== 'draft' ? 0 : row.liveRevision, updatedAt: new Date() } as never)
				.where(and(eq(t.id, id), eq(t.version, expected)))
				.returning({ version: t.version });
			if (!locked) throw staleEdit();
			// The state before the first edit becomes revision 0, so history starts from it.
			if (row.latestRevision === 0) await appendRevision(tx, { ...key(id), institutionId, number: 0, data: { ...before.snapshot }, state: before.state, byPlatform: true });
			const sources = nextTranslationSources(def.translated, before.snapshot, data, before.snapshot.sources ?? {}, owner.sourceLocale);
			await appendRevision(tx, { ...key(id), institutionId, number: before.number + 1, data: { ...data, sources }, note });
			await recordAudit(tx, { entityType: def.entityType, entityId: id, institutionId, action: `${def.entityType}.${fullEdit ? 'update' : 'translate'}`, changes });
			return { saved: true as const, version: locked.version as number };
		});
	}

	/** What changed between the revision someone started from and the newest one. */
	async function changesSince(ctx: ServiceContext, institutionId: string, id: string, fromRevision: number) {
		authorizeInstitution(ctx.actor, 'content.translate', institutionId);
		const row = await loadOwned(ctx, institutionId, id);
		const latest = await workingCopy(ctx, row);
		const base = fromRevision === latest.number ? latest.snapshot : ((await getRevision(ctx, key(id), fromRevision))?.data as unknown as Snapshot<Data> | undefined);
		return { by: latest.authorName, at: latest.createdAt, changes: diff(base ? pick(base) : null, pick(latest.snapshot)) };
	}

	/** Asks someone who may publish to look at the newest revision. */
	async function requestReview(ctx: ServiceContext, institutionId: string, id: string, version: unknown) {
		authorizeInstitution(ctx.actor, 'content.translate', institutionId);
		return inTransaction(ctx, async (tx) => {
			const row = await loadOwned(tx, institutionId, id);
			if (row.version !== parseVersion(version)) throw staleEdit();
			const live = liveNumber(row);
			if (row.latestRevision === 0 || (live !== null && row.latestRevision <= live)) throw new AppError('invalid_input', 'error_nothing_to_review');
			await setRevisionState(tx, key(id), row.latestRevision, 'in_review');
			await recordAudit(tx, { entityType: def.entityType, entityId: id, institutionId, action: `${def.entityType}.request_review` });
		});
	}

	/**
	 * Publishes the newest revision, now or at `publishAt` (types with a publication date: a
	 * scheduled item simply becomes visible then). Every language the institution publishes in
	 * needs the required fields.
	 */
	async function publish(ctx: ServiceContext, institutionId: string, id: string, options: { version: unknown; publishAt?: Date | null; now?: Date }) {
		authorizeInstitution(ctx.actor, 'content.publish', institutionId);
		const now = options.now ?? new Date();
		const owner = await contentOwner(ctx, institutionId);
		return inTransaction(ctx, async (tx) => {
			const row = await loadOwned(tx, institutionId, id);
			if (row.version !== parseVersion(options.version)) throw staleEdit();
			const working = await workingCopy(tx, row);
			const missing: Partial<Record<string, MessageKey>> = {};
			for (const locale of owner.locales) {
				for (const field of def.required) if (!((working.snapshot as Record<string, unknown>)[field] as LocalizedText)?.[locale]) missing[`${field}.${locale}`] = 'error_translation_required';
			}
			if (Object.keys(missing).length) throw invalidInput(missing, 'error_publish_missing_translations');
			const scheduled = def.publishedAt && options.publishAt && options.publishAt > now ? options.publishAt : null;
			if (scheduled && publicState(row, now) === 'published') throw invalidInput({ publishAt: 'error_schedule_live' });
			await assertSlugFree(tx, institutionId, working.snapshot.slug, row.id);
			const firstTime = row.status === 'draft';
			const number = row.latestRevision;
			if (number === 0 && row.status === 'published') return { version: row.version };
			const publishedAt = def.publishedAt ? (scheduled ?? (firstTime || publicState(row, now) === 'scheduled' ? now : row.publishedAt!)) : undefined;
			const [updated] = (await tx.db
				.update(t)
				.set({ ...def.toRow(pick(working.snapshot)), ...(await def.derive?.(tx, pick(working.snapshot))), status: 'published', liveRevision: number, version: sql`${t.version} + 1`, updatedAt: now, ...(publishedAt ? { publishedAt } : {}) } as never)
				.where(and(eq(t.id, id), eq(t.version, row.version)))
				.returning()) as Row[];
			if (!updated) throw staleEdit();
			if (number > 0) await setRevisionState(tx, key(id), number, 'published');
			if (row.slug !== updated.slug) await def.unindex(tx, row);
			await def.index(tx, updated);
			invalidatePages(tx);
			await recordAudit(tx, {
				entityType: def.entityType,
				entityId: id,
				institutionId,
				action: `${def.entityType}.${scheduled ? 'schedule' : 'publish'}`,
				changes: { revision: { from: liveNumber(row), to: number }, ...(publishedAt ? { publishedAt: { from: firstTime ? null : (row.publishedAt?.toISOString() ?? null), to: publishedAt.toISOString() } } : {}) }
			});
			return { version: updated.version };
		});
	}

	/** Takes an item off the public pages (it stays editable and can be published again). */
	async function unpublish(ctx: ServiceContext, institutionId: string, id: string, version: unknown) {
		authorizeInstitution(ctx.actor, 'content.publish', institutionId);
		return inTransaction(ctx, async (tx) => {
			const row = await loadOwned(tx, institutionId, id);
			if (row.status !== 'published') return { version: row.version };
			const [updated] = await tx.db
				.update(t)
				.set({ status: 'unpublished', version: sql`${t.version} + 1`, updatedAt: new Date() } as never)
				.where(and(eq(t.id, id), eq(t.version, parseVersion(version))))
				.returning({ version: t.version });
			if (!updated) throw staleEdit();
			await def.unindex(tx, row);
			invalidatePages(tx);
			await recordAudit(tx, { entityType: def.entityType, entityId: id, institutionId, action: `${def.entityType}.unpublish` });
			return { version: updated.version as number };
		});
	}

	/** Deletes an item that was never published (a published one is unpublished instead). */
	async function deleteDraft(ctx: ServiceContext, institutionId: string, id: string) {
		authorizeInstitution(ctx.actor, 'content.edit', institutionId);
		return inTransaction(ctx, async (tx) => {
			const row = await loadOwned(tx, institutionId, id);
			if (row.status !== 'draft') throw new AppError('invalid_input', 'error_delete_published');
			await tx.db.delete(t).where(eq(t.id, id));
			await deleteRevisions(tx, key(id));
			await recordAudit(tx, { entityType: def.entityType, entityId: id, institutionId, action: `${def.entityType}.delete`, changes: diffFields({ slug: row.slug }, { slug: null }) });
		});
	}

	/**
	 * Saves what the form holds and then does `then` (send for review, publish) with the saved
	 * version, in one transaction: a publish that is refused leaves nothing half done.
	 */
	async function saveAndThen<T>(ctx: ServiceContext, institutionId: string, id: string, input: unknown, version: unknown, then: (tx: ServiceContext, version: number) => Promise<T>) {
		return inTransaction(ctx, async (tx) => {
			const saved = await save(tx, institutionId, id, input, version);
			return { saved, then: await then(tx, saved.version) };
		});
	}

	/** The revision history, newest first. */
	async function history(ctx: ServiceContext, institutionId: string, id: string) {
		authorizeInstitution(ctx.actor, 'content.translate', institutionId);
		const row = await loadOwned(ctx, institutionId, id);
		return { live: liveNumber(row), latest: row.latestRevision, version: row.version, revisions: await listRevisions(ctx, key(id)) };
	}

	/** One revision with its readable diff from the one before. */
	async function revisionDiff(ctx: ServiceContext, institutionId: string, id: string, number: number) {
		authorizeInstitution(ctx.actor, 'content.translate', institutionId);
		await loadOwned(ctx, institutionId, id);
		const revision = await getRevision(ctx, key(id), number);
		if (!revision) throw notFound();
		const previous = number > 0 ? await getRevision(ctx, key(id), number - 1) : null;
		const after = revision.data as unknown as Snapshot<Data>;
		return {
			revision: { number: revision.number, state: revision.state, authorName: revision.authorName, createdAt: revision.createdAt, note: revision.note },
			snapshot: after,
			changes: diff(previous ? pick(previous.data as unknown as Snapshot<Data>) : null, pick(after))
		};
	}

	/** Makes an old revision the newest draft again (the history keeps everything in between). */
	async function restore(ctx: ServiceContext, institutionId: string, id: string, number: number, version: unknown) {
		authorizeInstitution(ctx.actor, 'content.edit', institutionId);
		if (!Number.isSafeInteger(number) || number < 0 || number > 2_147_483_647) throw notFound();
		const revision = await getRevision(ctx, key(id), number);
		if (!revision || revision.institutionId !== institutionId) throw notFound();
		return save(ctx, institutionId, id, pick(revision.data as unknown as Snapshot<Data>), version, `#${number}`);
	}

	return { list, listForAttention, exportRows, get, create, save, saveAndThen, changesSince, requestReview, publish, unpublish, deleteDraft, history, revisionDiff, restore };
}
