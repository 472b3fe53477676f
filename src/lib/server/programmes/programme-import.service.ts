import { and, asc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Locale } from '$lib/i18n/locales';
import { authorizeInstitution } from '../access/policy';
import { recordAudit } from '../audit/audit.service';
import { importBatch } from '../content/imports.tables';
import { readSpreadsheet, writeCsv, writeXlsx } from '../content/spreadsheet';
import { pageCache } from '../http-cache/page-cache';
import { institution } from '../institutions/institutions.tables';
import { inTransaction, type ServiceContext } from '../platform/context';
import { AppError, notFound } from '../platform/errors';
import { indexProgrammes, removeFromIndex } from '../search/search.service';
import { PROGRAMME_COLUMNS, programmeToRow, validateProgrammeRows, type ImportedProgramme, type RowError } from './programme-import';
import { exchangeRate, programme } from './programmes.tables';

/**
 * Programmes from CSV or XLSX in two steps. The check (a dry run) reads the whole file and lists
 * every row-level error in the user's language; nothing is written except, when the file is
 * clean, a batch holding the checked rows. The import then writes that batch in one
 * transaction: all rows or none. Rows match existing programmes by their address (slug).
 */
const BATCH_LIFETIME_MS = 24 * 3_600_000;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';

async function institutionFor(ctx: ServiceContext, institutionId: string) {
	const [row] = await ctx.db.select({ id: institution.id, slug: institution.slug, name: institution.name, defaultLocale: institution.defaultLocale }).from(institution).where(eq(institution.id, institutionId));
	if (!row) throw notFound();
	return row;
}

/** Euros per unit of each currency, at the newest rate. */
async function latestRates(ctx: ServiceContext) {
	const rows = await ctx.db.select({ currency: exchangeRate.currency, rate: exchangeRate.eurPerUnit, asOf: exchangeRate.asOf }).from(exchangeRate).orderBy(asc(exchangeRate.asOf));
	return new Map(rows.map((r) => [r.currency, r.rate]));
}

export interface ImportCheck {
	batchId: string | null;
	total: number;
	creates: number;
	updates: number;
	errors: RowError[];
}

export async function checkProgrammeImport(ctx: ServiceContext, institutionId: string, file: { bytes: Uint8Array; name: string | null }): Promise<ImportCheck> {
	authorizeInstitution(ctx.actor, 'content.edit', institutionId);
	const owner = await institutionFor(ctx, institutionId);
	const rows = await readSpreadsheet(file.bytes);
	const rates = await latestRates(ctx);
	const { programmes, errors } = validateProgrammeRows(rows, { sourceLocale: owner.defaultLocale as Locale, currencies: new Set(rates.keys()) });
	const total = programmes.length + new Set(errors.filter((e) => e.row > 1).map((e) => e.row)).size;
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
	const summary = { total, creates: programmes.length - updates, updates, errors };
	if (errors.length || !programmes.length) return { batchId: null, ...summary };
	// Old batches go when new ones come: no job needed.
	await ctx.db.delete(importBatch).where(lt(importBatch.createdAt, new Date(Date.now() - BATCH_LIFETIME_MS)));
	const [batch] = await ctx.db
		.insert(importBatch)
		.values({ institutionId, userId: ctx.actor!.userId, kind: 'programmes', fileName: file.name?.slice(0, 200) ?? null, rows: programmes, creates: summary.creates, updates })
		.returning({ id: importBatch.id });
	return { batchId: batch!.id, ...summary };
}

/** Writes a checked batch: every row or none. Publishing needs the right to publish. */
export async function applyProgrammeImport(ctx: ServiceContext, institutionId: string, batchId: string, options: { publish: boolean }) {
	authorizeInstitution(ctx.actor, 'content.edit', institutionId);
	if (options.publish) authorizeInstitution(ctx.actor, 'content.publish', institutionId);
	if (!z.uuid().safeParse(batchId).success) throw notFound();
	const owner = await institutionFor(ctx, institutionId);
	const rates = await latestRates(ctx);
	return inTransaction(ctx, async (tx) => {
		// Claiming the batch first makes a double submit import once.
		const [batch] = await tx.db
			.update(importBatch)
			.set({ appliedAt: new Date() })
			.where(
				and(
					eq(importBatch.id, batchId),
					eq(importBatch.institutionId, institutionId),
					eq(importBatch.userId, ctx.actor!.userId),
					isNull(importBatch.appliedAt),
					gt(importBatch.createdAt, new Date(Date.now() - BATCH_LIFETIME_MS))
				)
			)
			.returning();
		if (!batch) throw new AppError('invalid_input', 400, 'error_import_batch_gone');
		const rows = batch.rows as ImportedProgramme[];
		const status = options.publish ? 'published' : 'draft';
		const values = rows.map((p) => ({
			...p,
			institutionId,
			status,
			tuitionEur: p.tuitionAmount === null ? null : p.tuitionCurrency ? Math.round(p.tuitionAmount * (rates.get(p.tuitionCurrency) ?? 0)) : p.tuitionAmount === 0 ? 0 : null
		}));
		for (let i = 0; i < values.length; i += 500) {
			await tx.db
				.insert(programme)
				.values(values.slice(i, i + 500))
				.onConflictDoUpdate({
					target: [programme.institutionId, programme.slug],
					set: {
						level: sql`excluded.level`,
						iscedCode: sql`excluded.isced_code`,
						title: sql`excluded.title`,
						summary: sql`excluded.summary`,
						languages: sql`excluded.languages`,
						durationMonths: sql`excluded.duration_months`,
						credits: sql`excluded.credits`,
						tuitionAmount: sql`excluded.tuition_amount`,
						tuitionCurrency: sql`excluded.tuition_currency`,
						tuitionEur: sql`excluded.tuition_eur`,
						startTerms: sql`excluded.start_terms`,
						applicationOpens: sql`excluded.application_opens`,
						applicationDeadline: sql`excluded.application_deadline`,
						status: sql`excluded.status`,
						isDemo: false,
						version: sql`${programme.version} + 1`,
						updatedAt: new Date()
					}
				});
		}
		// Imported as drafts, they leave search too (some may have been published before).
		if (options.publish) await indexProgrammes(tx, owner.slug, owner.name, rows);
		else for (const r of rows) await removeFromIndex(tx, `/institutions/${owner.slug}/programmes/${r.slug}`);
		pageCache.invalidate();
		await recordAudit(tx, {
			entityType: 'programme_import',
			entityId: batch.id,
			institutionId,
			action: 'programme.import',
			changes: { programmes: { from: null, to: { created: batch.creates, updated: batch.updates, status, file: batch.fileName, slugs: rows.map((r) => r.slug) } } }
		});
		return { created: batch.creates, updated: batch.updates, published: options.publish };
	});
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
	return ctx.db
		.select({
			slug: programme.slug,
			level: programme.level,
			iscedCode: programme.iscedCode,
			title: programme.title,
			summary: programme.summary,
			languages: programme.languages,
			durationMonths: programme.durationMonths,
			credits: programme.credits,
			tuitionAmount: programme.tuitionAmount,
			tuitionCurrency: programme.tuitionCurrency,
			startTerms: programme.startTerms,
			applicationOpens: programme.applicationOpens,
			applicationDeadline: programme.applicationDeadline,
			status: programme.status
		})
		.from(programme)
		.where(eq(programme.institutionId, institutionId))
		.orderBy(asc(programme.slug)) as Promise<(ImportedProgramme & { status: string })[]>;
}
