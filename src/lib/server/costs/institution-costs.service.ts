import { and, asc, eq, sql } from 'drizzle-orm';
import type { Locale } from '$lib/i18n/locales';
import { cleanLocalizedText, type LocalizedText } from '$lib/i18n/localized-text';
import { authorizeInstitution, canInstitution } from '../access/policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { claimImportBatch, storeImportBatch, type ImportCheck } from '../content/import-batches';
import { readSpreadsheet, writeCsv, writeXlsx } from '../spreadsheets/spreadsheet';
import { invalidatePages } from '../http-cache/page-cache';
import { institutionDirectory } from '../institutions/institutions.views';
import { inTransaction, type Platform, type ServiceContext } from '../platform/context';
import { parseVersion, isUuid } from '../platform/validation';
import { DEMO_INSTITUTION_COSTS } from './institution-costs.data';
import { invalidInput, isUniqueViolation, notFound, staleEdit } from '../platform/errors';
import { latestRates } from '../programmes/exchange-rates';
import { COST_COLUMNS, costToRow, readCostItem, validateCostRows, type CostColumn, type InstitutionCost } from './cost-import';
import { COST_CATEGORIES, costItem } from './costs.tables';

/**
 * An institution's own prices for incoming people (dormitories, insurance, fees): edited one
 * by one or imported from a spreadsheet, shown on its profile, and used instead of the city's
 * figures when someone plans a stay there. Optimistic locking and the audit trail, like the
 * profile; translators may add translations of the notes only.
 */
type CostRow = typeof costItem.$inferSelect;

const itemOf = (row: CostRow): InstitutionCost => ({
	category: row.category as InstitutionCost['category'],
	period: row.period as InstitutionCost['period'],
	low: row.low,
	typical: row.typical,
	high: row.high,
	currency: row.currency,
	note: row.note,
	sourceUrl: row.sourceUrl,
	verifiedOn: row.verifiedOn
});

async function ownerOf(ctx: ServiceContext, institutionId: string) {
	const [owner] = await ctx.db.select({ countryCode: institutionDirectory.countryCode, city: institutionDirectory.city, defaultLocale: institutionDirectory.defaultLocale }).from(institutionDirectory).where(eq(institutionDirectory.id, institutionId));
	if (!owner) throw notFound();
	return { countryCode: owner.countryCode, city: owner.city.en ?? Object.values(owner.city)[0] ?? '', sourceLocale: owner.defaultLocale as Locale };
}

/** Adds the demo institutions' prices that are missing (their institutions must exist). */
export async function seedDemoInstitutionCosts(platform: Pick<Platform, 'db'>) {
	const owners = await platform.db.select({ id: institutionDirectory.id, slug: institutionDirectory.slug, countryCode: institutionDirectory.countryCode, city: institutionDirectory.city }).from(institutionDirectory);
	const rows = owners.flatMap((o) =>
		(DEMO_INSTITUTION_COSTS[o.slug] ?? []).map((c) => ({ ...c, institutionId: o.id, countryCode: o.countryCode, city: o.city.en ?? '', sortOrder: sortOrder(c.category), isDemo: true }))
	);
	if (rows.length) await platform.db.insert(costItem).values(rows).onConflictDoNothing();
}

const sortOrder = (category: string) => (COST_CATEGORIES as readonly string[]).indexOf(category);

/** The institution's items in the order the calculator lists categories. */
export async function listInstitutionCosts(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	return ctx.db.select().from(costItem).where(eq(costItem.institutionId, institutionId)).orderBy(asc(costItem.sortOrder));
}

/** What the public profile shows: the same list, for anyone. */
export async function publicInstitutionCosts(ctx: ServiceContext, institutionId: string) {
	return ctx.db.select().from(costItem).where(eq(costItem.institutionId, institutionId)).orderBy(asc(costItem.sortOrder));
}

export async function getInstitutionCost(ctx: ServiceContext, institutionId: string, id: string) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	if (!isUuid(id)) throw notFound();
	const [row] = await ctx.db.select().from(costItem).where(and(eq(costItem.id, id), eq(costItem.institutionId, institutionId)));
	if (!row) throw notFound();
	return { ...row, sourceLocale: (await ownerOf(ctx, institutionId)).sourceLocale, translateOnly: !canInstitution(ctx.actor, 'content.edit', institutionId) };
}

/** The form's fields under the spreadsheet's column names (notes come as `note.en`…). */
const formCell = (input: Record<string, string>) => (column: CostColumn) => (column.startsWith('note_') ? input[`note.${column.slice(5)}`] : input[column]);

/** Form errors are keyed by the form's field names. */
function throwFieldErrors(errors: { column: CostColumn; messageKey: Parameters<typeof invalidInput>[0][string] }[]) {
	throw invalidInput(Object.fromEntries(errors.map((e) => [e.column.startsWith('note_') ? `note.${e.column.slice(5)}` : e.column, e.messageKey])));
}

/**
 * Creates (`id` null) or saves an item if nobody saved it since `version`. Translators change
 * only the notes, and not in the institution's own language.
 */
export async function saveInstitutionCost(ctx: ServiceContext, institutionId: string, id: string | null, input: Record<string, string>, version?: unknown) {
	authorizeInstitution(ctx.actor, id ? 'content.translate' : 'content.edit', institutionId);
	const owner = await ownerOf(ctx, institutionId);
	const { item, errors } = readCostItem(formCell(input), new Set((await latestRates(ctx)).keys()));
	if (!item) throwFieldErrors(errors);
	const data = item!;
	return inTransaction(ctx, async (tx) => {
		if (!id) {
			const [created] = await tx.db
				.insert(costItem)
				.values({ ...data, institutionId, countryCode: owner.countryCode, city: owner.city, sortOrder: sortOrder(data.category) })
				.onConflictDoNothing()
				.returning();
			if (!created) throw invalidInput({ category: 'error_cost_category_taken' });
			await recordAudit(tx, { entityType: 'cost_item', entityId: created.id, institutionId, action: 'cost_item.create', changes: diffFields(null, data as unknown as Record<string, unknown>) });
			invalidatePages(tx);
			return created;
		}
		const expected = parseVersion(version);
		const current = await getInstitutionCost(tx, institutionId, id);
		if (current.version !== expected) throw staleEdit();
		const before = itemOf(current);
		const fullEdit = !current.translateOnly;
		const after: InstitutionCost = fullEdit ? data : { ...before, note: cleanLocalizedText({ ...data.note, [owner.sourceLocale]: before.note[owner.sourceLocale] }) };
		const changes = diffFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
		if (!Object.keys(changes).length) return current;
		const [saved] = await tx.db
			.update(costItem)
			.set({ ...after, sortOrder: sortOrder(after.category), version: sql`${costItem.version} + 1`, updatedAt: new Date() })
			.where(and(eq(costItem.id, id), eq(costItem.version, expected)))
			.returning()
			.catch((err: unknown) => {
				if (isUniqueViolation(err)) throw invalidInput({ category: 'error_cost_category_taken' });
				throw err;
			});
		if (!saved) throw staleEdit();
		await recordAudit(tx, { entityType: 'cost_item', entityId: id, institutionId, action: fullEdit ? 'cost_item.update' : 'cost_item.translate', changes });
		invalidatePages(tx);
		return saved;
	});
}

export async function deleteInstitutionCost(ctx: ServiceContext, institutionId: string, id: string) {
	authorizeInstitution(ctx.actor, 'content.edit', institutionId);
	return inTransaction(ctx, async (tx) => {
		const current = await getInstitutionCost(tx, institutionId, id);
		await tx.db.delete(costItem).where(eq(costItem.id, id));
		await recordAudit(tx, { entityType: 'cost_item', entityId: id, institutionId, action: 'cost_item.delete', changes: diffFields(itemOf(current) as unknown as Record<string, unknown>, {}) });
		invalidatePages(tx);
	});
}

/** The dry run of a cost file: every problem listed, nothing written but the checked batch. */
export async function checkCostImport(ctx: ServiceContext, institutionId: string, file: { bytes: Uint8Array; name: string | null }): Promise<ImportCheck> {
	authorizeInstitution(ctx.actor, 'content.edit', institutionId);
	const rows = await readSpreadsheet(file.bytes);
	const { items, errors } = validateCostRows(rows, new Set((await latestRates(ctx)).keys()));
	const existing = new Set((await listInstitutionCosts(ctx, institutionId)).map((r) => r.category));
	const updates = items.filter((i) => existing.has(i.category)).length;
	return storeImportBatch(ctx, { institutionId, kind: 'cost_items', fileName: file.name, rows: items, creates: items.length - updates, updates, errors });
}

/** Writes a checked batch: every row or none; categories already there are updated. */
export async function applyCostImport(ctx: ServiceContext, institutionId: string, batchId: string) {
	authorizeInstitution(ctx.actor, 'content.edit', institutionId);
	const owner = await ownerOf(ctx, institutionId);
	return inTransaction(ctx, async (tx) => {
		const batch = await claimImportBatch(tx, { institutionId, kind: 'cost_items', batchId });
		const items = batch.rows as InstitutionCost[];
		await tx.db
			.insert(costItem)
			.values(items.map((i) => ({ ...i, institutionId, countryCode: owner.countryCode, city: owner.city, sortOrder: sortOrder(i.category) })))
			.onConflictDoUpdate({
				target: [costItem.institutionId, costItem.category],
				targetWhere: sql`institution_id is not null`,
				set: {
					period: sql`excluded.period`,
					low: sql`excluded.low`,
					typical: sql`excluded.typical`,
					high: sql`excluded.high`,
					currency: sql`excluded.currency`,
					note: sql`excluded.note`,
					sourceUrl: sql`excluded.source_url`,
					verifiedOn: sql`excluded.verified_on`,
					version: sql`${costItem.version} + 1`,
					updatedAt: new Date()
				}
			});
		await recordAudit(tx, {
			entityType: 'cost_import',
			entityId: batch.id,
			institutionId,
			action: 'cost_item.import',
			changes: { costItems: { from: null, to: { created: batch.creates, updated: batch.updates, file: batch.fileName, categories: items.map((i) => i.category) } } }
		});
		invalidatePages(tx);
		return { created: batch.creates, updated: batch.updates };
	});
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';

async function sheet(rows: (string | number | null)[][], format: 'xlsx' | 'csv') {
	const all = [[...COST_COLUMNS] as (string | number | null)[], ...rows];
	return format === 'xlsx' ? { body: await writeXlsx(all, 'Costs'), type: XLSX_TYPE } : { body: writeCsv(all), type: CSV_TYPE };
}

/** The institution's items in the import format: a file can go out, be edited and come back. */
export async function exportInstitutionCosts(ctx: ServiceContext, institutionId: string, format: 'xlsx' | 'csv') {
	const rows = await listInstitutionCosts(ctx, institutionId);
	return sheet(rows.map((r) => costToRow(itemOf(r))), format);
}

/** An example to start from: a dormitory place, in two languages. */
export async function costTemplate(format: 'xlsx' | 'csv') {
	const note: LocalizedText = { en: 'Twin room in dormitory 3, utilities included', ru: 'Двухместная комната в общежитии № 3, коммунальные услуги включены' };
	return sheet([costToRow({ category: 'housing_dorm', period: 'month', low: 25000, typical: 30000, high: 45000, currency: 'KZT', note, sourceUrl: null, verifiedOn: null })], format);
}

