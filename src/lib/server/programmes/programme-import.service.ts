import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Locale } from '$lib/i18n/locales';
import { authorizeInstitution } from '../access/policy';
import { recordAudit } from '../audit/audit.service';
import { claimImportBatch, storeImportBatch, type ImportCheck } from '../content/import-batches';
import { appendRevisions, revisionsByNumber } from '../content/revisions.service';
import { readSpreadsheet, writeCsv, writeXlsx } from '../spreadsheets/spreadsheet';
import { nextTranslationSources, type TranslationSources } from '../editing/translation-status';
import { invalidatePages } from '../http-cache/page-cache';
import { institutionDirectory } from '../institutions/institutions.views';
import { inTransaction, type ServiceContext } from '../platform/context';
import { failpoint } from '../platform/failpoints';
import { notFound } from '../platform/errors';
import { indexProgrammes } from './programmes.search';
import { latestRates, tuitionInEuros } from './exchange-rates';
import { PROGRAMME_TRANSLATED_FIELDS } from './programme-editing.service';
import { PROGRAMME_COLUMNS, programmeToRow, validateProgrammeRows, type ImportedProgramme } from './programme-import';
import { programme } from './programmes.tables';

export type { ImportCheck };

/**
 * Programmes from CSV or XLSX in two steps. The check (a dry run) reads the whole file and lists
 * every row-level error in the user's language; nothing is written except, when the file is
 * clean, a batch holding the checked rows. The import then writes that batch in one
 * transaction: all rows or none. Rows match existing programmes by their address (slug).
 */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';

async function institutionFor(ctx: ServiceContext, institutionId: string) {
	const [row] = await ctx.db.select({ id: institutionDirectory.id, slug: institutionDirectory.slug, name: institutionDirectory.name, defaultLocale: institutionDirectory.defaultLocale }).from(institutionDirectory).where(eq(institutionDirectory.id, institutionId));
	if (!row) throw notFound();
	return row;
}


export async function checkProgrammeImport(ctx: ServiceContext, institutionId: string, file: { bytes: Uint8Array; name: string | null }): Promise<ImportCheck> {
	authorizeInstitution(ctx.actor, 'content.edit', institutionId);
	const owner = await institutionFor(ctx, institutionId);
	const rows = await readSpreadsheet(file.bytes);
	const rates = await latestRates(ctx);
	const { programmes, errors } = validateProgrammeRows(rows, { sourceLocale: owner.defaultLocale as Locale, currencies: new Set(rates.keys()) });
	const existing = programmes.length
		? new Set(
				(
					await ctx.db
						.select({ slug: programme.slug })
						.from(programme)
						.where(and(eq(programme.institutionId, institutionId), inArray(programme.slug, programmes.map((p) => p.slug))))
				).map((r) => r.slug)
			)
		: new Set<string>();
	const updates = programmes.filter((p) => existing.has(p.slug)).length;
	return storeImportBatch(ctx, { institutionId, kind: 'programmes', fileName: file.name, rows: programmes, creates: programmes.length - updates, updates, errors });
}

/** Writes a checked batch: every row or none. Publishing needs the right to publish. */
export async function applyProgrammeImport(ctx: ServiceContext, institutionId: string, batchId: string, options: { publish: boolean }) {
	authorizeInstitution(ctx.actor, 'content.edit', institutionId);
	if (options.publish) authorizeInstitution(ctx.actor, 'content.publish', institutionId);
	const owner = await institutionFor(ctx, institutionId);
	const rates = await latestRates(ctx);
	return inTransaction(ctx, async (tx) => {
		const batch = await claimImportBatch(tx, { institutionId, kind: 'programmes', batchId });
		const rows = batch.rows as ImportedProgramme[];
		const status = options.publish ? 'published' : 'draft';
		await writeImportedRevisions(tx, { institutionId, sourceLocale: owner.defaultLocale as Locale, rows, publish: options.publish, rates, note: batch.fileName });
		// Imported as drafts, published programmes stay as they are publicly (the file's version waits as a draft).
		if (options.publish) await indexProgrammes(tx, owner.slug, owner.name, rows);
		invalidatePages(tx);
		await recordAudit(tx, {
			entityType: 'programme_import',
			entityId: batch.id,
			institutionId,
			action: 'programme.import',
			changes: { programmes: { from: null, to: { created: batch.creates, updated: batch.updates, status, file: batch.fileName, slugs: rows.map((r) => r.slug) } } }
		});
		// Every row, revision and the claimed batch are written, none committed (faults.int.test.ts).
		failpoint('programme-import.before-commit');
		return { created: batch.creates, updated: batch.updates, published: options.publish };
	});
}

type ProgrammeRow = typeof programme.$inferSelect;

const snapshotOf = (p: ImportedProgramme | ProgrammeRow): ImportedProgramme => ({
	slug: p.slug,
	level: p.level as ImportedProgramme['level'],
	iscedCode: p.iscedCode,
	title: p.title,
	summary: p.summary,
	languages: p.languages,
	durationMonths: p.durationMonths,
	credits: p.credits,
	tuitionAmount: p.tuitionAmount,
	tuitionCurrency: p.tuitionCurrency,
	startTerms: p.startTerms,
	applicationOpens: p.applicationOpens,
	applicationDeadline: p.applicationDeadline
});

/**
 * Writes imported rows the way the editor saves them (content/editorial.ts): every programme
 * gets a new revision by the importer. Published now: the row takes the file's version. As
 * drafts: new programmes are drafts; existing ones keep what the public sees and carry the
 * file's version as unpublished changes.
 */
async function writeImportedRevisions(
	tx: ServiceContext,
	options: { institutionId: string; sourceLocale: Locale; rows: ImportedProgramme[]; publish: boolean; rates: ReadonlyMap<string, number>; note: string | null }
) {
	const { institutionId, rows, publish, rates } = options;
	const existing = new Map<string, ProgrammeRow>();
	for (let i = 0; i < rows.length; i += 1000) {
		const found = await tx.db
			.select()
			.from(programme)
			.where(and(eq(programme.institutionId, institutionId), inArray(programme.slug, rows.slice(i, i + 1000).map((r) => r.slug))));
		for (const row of found) existing.set(row.slug, row);
	}
	const olds = [...existing.values()];
	const latest = await revisionsByNumber(tx, 'programme', olds.filter((r) => r.latestRevision > 0).map((r) => ({ entityId: r.id, number: r.latestRevision })));
	const revisions: Parameters<typeof appendRevisions>[1] = [];
	const key = (entityId: string) => ({ entityType: 'programme' as const, entityId, institutionId });

	const fresh = rows.filter((r) => !existing.has(r.slug));
	for (let i = 0; i < fresh.length; i += 500) {
		const inserted = await tx.db
			.insert(programme)
			.values(fresh.slice(i, i + 500).map((p) => ({ ...p, institutionId, status: publish ? ('published' as const) : ('draft' as const), tuitionEur: tuitionInEuros(p.tuitionAmount, p.tuitionCurrency, rates), latestRevision: 1, liveRevision: publish ? 1 : null })))
			.returning({ id: programme.id, slug: programme.slug });
		const bySlug = new Map(fresh.map((p) => [p.slug, p]));
		for (const { id, slug } of inserted) {
			const data = bySlug.get(slug)!;
			revisions.push({ ...key(id), number: 1, state: publish ? 'published' : 'draft', data: { ...data, sources: nextTranslationSources(PROGRAMME_TRANSLATED_FIELDS, null, data, {}, options.sourceLocale) } });
		}
	}

	const updates: Record<string, unknown>[] = [];
	for (const data of rows.filter((r) => existing.has(r.slug))) {
		const row = existing.get(data.slug)!;
		const previous = latest.get(row.id);
		const before = previous ? (previous.data as unknown as ImportedProgramme & { sources?: TranslationSources }) : { ...snapshotOf(row), sources: {} };
		// The state before the first edit becomes revision 0, so history starts from it.
		if (row.latestRevision === 0) revisions.push({ ...key(row.id), number: 0, state: row.status === 'published' ? 'published' : 'draft', data: before as unknown as Record<string, unknown>, byPlatform: true });
		const number = row.latestRevision + 1;
		revisions.push({ ...key(row.id), number, state: publish ? 'published' : 'draft', data: { ...data, sources: nextTranslationSources(PROGRAMME_TRANSLATED_FIELDS, before, data, before.sources ?? {}, options.sourceLocale) } });
		updates.push({
			...data,
			id: row.id,
			number,
			live: publish ? number : row.latestRevision === 0 && row.status !== 'draft' ? 0 : row.liveRevision,
			tuitionEur: tuitionInEuros(data.tuitionAmount, data.tuitionCurrency, rates)
		});
	}
	// One statement per thousand rows (row-by-row updates took 10 s for 5,000 programmes on PGlite).
	for (let i = 0; i < updates.length; i += 1000) {
		const batch = sql`jsonb_to_recordset(${JSON.stringify(updates.slice(i, i + 1000))}::jsonb)`;
		await tx.db.execute(
			publish
				? sql`update ${programme} set level = x."level", isced_code = x."iscedCode", title = x."title", summary = x."summary", languages = x."languages",
					duration_months = x."durationMonths", credits = x."credits", tuition_amount = x."tuitionAmount", tuition_currency = x."tuitionCurrency",
					tuition_eur = x."tuitionEur", start_terms = x."startTerms", application_opens = x."applicationOpens", application_deadline = x."applicationDeadline",
					status = 'published', is_demo = false, latest_revision = x."number", live_revision = x."live", version = ${programme.version} + 1, updated_at = now()
					from ${batch} as x(id uuid, "level" text, "iscedCode" text, "title" jsonb, "summary" jsonb, "languages" text[], "durationMonths" int, "credits" int,
						"tuitionAmount" numeric, "tuitionCurrency" text, "tuitionEur" numeric, "startTerms" text[], "applicationOpens" date, "applicationDeadline" date, "number" int, "live" int)
					where ${programme.id} = x.id`
				: sql`update ${programme} set latest_revision = x."number", live_revision = x."live", version = ${programme.version} + 1, updated_at = now()
					from ${batch} as x(id uuid, "number" int, "live" int) where ${programme.id} = x.id`
		);
	}
	await appendRevisions(tx, revisions, options.note);
}

/** All the institution's programmes in the import format (so a file can go out and come back). */
export async function exportProgrammes(ctx: ServiceContext, institutionId: string, format: 'xlsx' | 'csv') {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	const rows = await listProgrammesForExport(ctx, institutionId);
	const sheet = [[...PROGRAMME_COLUMNS] as (string | number | null)[], ...rows.map(programmeToRow)];
	return format === 'xlsx' ? { body: await writeXlsx(sheet, 'Programmes'), type: XLSX_TYPE } : { body: writeCsv(sheet), type: CSV_TYPE };
}

/** An empty file to start from: the columns and one example row. */
export async function programmeTemplate(format: 'xlsx' | 'csv') {
	const example: ImportedProgramme = {
		slug: 'computer-science-msc',
		level: 'master',
		iscedCode: '0613',
		title: { en: 'Computer Science (MSc)', ru: 'Информатика (магистратура)', kk: 'Информатика (магистратура)', zh: '计算机科学（硕士）' },
		summary: { en: 'Two years, taught in English.' },
		languages: ['en', 'ru'],
		durationMonths: 24,
		credits: 120,
		tuitionAmount: 2_500_000,
		tuitionCurrency: 'KZT',
		startTerms: ['autumn'],
		applicationOpens: '2027-01-15',
		applicationDeadline: '2027-05-31'
	};
	const sheet = [[...PROGRAMME_COLUMNS] as (string | number | null)[], programmeToRow(example)];
	return format === 'xlsx' ? { body: await writeXlsx(sheet, 'Programmes'), type: XLSX_TYPE } : { body: writeCsv(sheet), type: CSV_TYPE };
}

export async function listProgrammesForExport(ctx: ServiceContext, institutionId: string): Promise<(ImportedProgramme & { status: string })[]> {
	const rows = await ctx.db.select().from(programme).where(eq(programme.institutionId, institutionId)).orderBy(asc(programme.slug));
	// Editors' newest versions, drafts included: a file exported and imported back changes nothing.
	const latest = await revisionsByNumber(ctx, 'programme', rows.filter((r) => r.latestRevision > 0).map((r) => ({ entityId: r.id, number: r.latestRevision })));
	return rows.map((row) => {
		const revision = latest.get(row.id)?.data as unknown as ImportedProgramme | undefined;
		return { ...snapshotOf(revision ?? row), status: row.status };
	});
}
