import { and, desc, eq, inArray } from 'drizzle-orm';
import { academicYearOf, type AgreementFilters } from '$lib/agreements/list-filters';
import { authorizeInstitution } from '../access/policy';
import { recordAudit } from '../audit/audit.service';
import { claimImportBatch, storeImportBatch, type ImportCheck } from '../content/import-batches';
import { inTransaction, type ServiceContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { ownPartnerEntry, partnerIdsByHeiId, partnerSummaries } from '../partners/partners.service';
import { readSpreadsheet, writeCsv, writeXlsx } from '../spreadsheets/spreadsheet';
import type { RowError } from '../spreadsheets/sheet-cells';
import type { AgreementContent } from './agreement-content';
import { contentFromForm } from './agreement-form';
import { agreementFilter } from './agreement-list';
import { agreementRows, agreementSheetHeader, errorAt, readAgreementSheet, type SheetGroup } from './agreement-sheet';
import { agreementErrors, createAgreement, updateAgreement } from './agreements.service';
import { AGREEMENT_KINDS, agreement } from './agreements.tables';
import { approvalStates } from './approval-states';

/**
 * Agreements out to XLSX/CSV (the list's filters applied) and in from a spreadsheet in the same
 * shape: a dry run that checks every agreement as saving it would (the editor's rules, the
 * directory's partners and units) and lists each problem on its row and column, then an import
 * of the checked batch that saves each as a version, all or none.
 */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';
/** The most agreements one export or import holds. */
export const MAX_SHEET_AGREEMENTS = 20_000;
const MAX_IMPORT_AGREEMENTS = 1_000;

async function sheet(rows: (string | number | null)[][], format: 'xlsx' | 'csv') {
	const all = [agreementSheetHeader() as (string | number | null)[], ...rows];
	return format === 'xlsx' ? { body: await writeXlsx(all, 'Agreements'), type: XLSX_TYPE } : { body: writeCsv(all), type: CSV_TYPE };
}

/** The agreements the filters select, a row per cooperation condition, in the import's format. */
export async function exportAgreements(ctx: ServiceContext, institutionId: string, filters: Partial<AgreementFilters>, format: 'xlsx' | 'csv') {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const where = await agreementFilter(ctx, institutionId, filters, academicYearOf(ctx.clock.now()));
	const rows = await ctx.db.select().from(agreement).where(where).orderBy(desc(agreement.updatedAt), desc(agreement.id)).limit(MAX_SHEET_AGREEMENTS);
	const partners = new Map((await partnerSummaries(ctx, institutionId, [...new Set(rows.map((r) => r.partnerId))])).map((p) => [p.id, p.heiId]));
	return sheet(
		rows.flatMap((r) => {
			const approvals = approvalStates(r);
			return agreementRows({ iiaId: r.iiaId, kind: r.kind, partnerHeiId: partners.get(r.partnerId) ?? '', content: r.content, version: r.version, hash: r.hash, approvedByUs: approvals.ours === 'approved', approvedByPartner: approvals.partner === 'approved' });
		}),
		format
	);
}

/** A file to start from: one agreement with two conditions, for a partner that is an example. */
export async function agreementTemplate(format: 'xlsx' | 'csv') {
	const content: AgreementContent = {
		ours: { heiId: 'enu.kz', ounitId: 'ENU-FIT', iiaCode: 'ENU-UPC/2026/01' },
		partner: { heiId: 'upc.edu' },
		terminated: false,
		conditions: [
			{ kind: 'student-studies', sendingHeiId: 'enu.kz', sendingOunitId: 'ENU-FIT', sendingContacts: [], receivingHeiId: 'upc.edu', receivingContacts: [], firstAcademicYear: '2026/2027', lastAcademicYear: '2029/2030', mobilitiesPerYear: 2, totalMonthsPerYear: 10, subjectAreas: [{ iscedCode: '0713', clarification: 'Electrical engineering' }], languageSkills: [{ language: 'en', cefrLevel: 'B2' }], eqfLevels: [6, 7], blended: false },
			{ kind: 'staff-teacher', sendingHeiId: 'upc.edu', sendingContacts: [], receivingHeiId: 'enu.kz', receivingContacts: [], firstAcademicYear: '2026/2027', lastAcademicYear: '2029/2030', mobilitiesPerYear: 1, totalDaysPerYear: 5, subjectAreas: [{ iscedCode: '0713' }], languageSkills: [{ language: 'en', cefrLevel: 'B2' }] }
		]
	};
	return sheet(agreementRows({ iiaId: 'new-1', kind: 'erasmus', partnerHeiId: 'upc.edu', content, version: 0, hash: '', approvedByUs: false, approvedByPartner: false }).map((r) => r.slice(0, -4)), format);
}

/** What the checked batch keeps for each agreement. */
interface CheckedAgreement {
	agreementId: string | null;
	version: number | null;
	partnerId: string;
	kind: string;
	content: AgreementContent;
}

/** The dry run: every agreement in the file checked as saving it would check it; nothing saved but the batch. */
export async function checkAgreementImport(ctx: ServiceContext, institutionId: string, file: { bytes: Uint8Array; name: string | null }): Promise<ImportCheck> {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const { groups, errors } = readAgreementSheet(await readSpreadsheet(file.bytes));
	if (groups.length > MAX_IMPORT_AGREEMENTS) return storeImportBatch(ctx, { institutionId, kind: 'agreements', fileName: file.name, rows: [], creates: 0, updates: 0, errors: [{ row: 1, column: null, messageKey: 'error_import_too_many_agreements' }] });
	if (!groups.length && !errors.length) errors.push({ row: 1, column: null, messageKey: 'error_import_no_agreements' });
	const own = await ownPartnerEntry(ctx, institutionId);
	const partnerIds = await partnerIdsByHeiId(ctx, institutionId, [...new Set(groups.map((g) => g.partnerHeiId))]);
	const labels = groups.map((g) => g.label).filter((l) => !l.startsWith('#row'));
	const existing = new Map(
		(labels.length ? await ctx.db.select({ id: agreement.id, iiaId: agreement.iiaId, partnerId: agreement.partnerId, version: agreement.version }).from(agreement).where(and(eq(agreement.institutionId, institutionId), inArray(agreement.iiaId, labels))) : []).map((r) => [r.iiaId, r])
	);
	const checked: CheckedAgreement[] = [];
	let updates = 0;
	for (const group of groups) {
		const at = (field: string, messageKey: RowError['messageKey'], value?: string) => errors.push({ ...errorAt(group, field), messageKey, ...(value !== undefined ? { value } : {}) });
		const partnerId = partnerIds.get(group.partnerHeiId);
		if (!(AGREEMENT_KINDS as readonly string[]).includes(group.kind)) at('kind', 'error_import_agreement_kind', group.kind);
		if (!partnerId) {
			at('partnerId', 'error_import_partner_unknown', group.partnerHeiId);
			continue;
		}
		if (partnerId === own.id) {
			at('partnerId', 'error_partner_is_self', group.partnerHeiId);
			continue;
		}
		const before = existing.get(group.label);
		if (before && before.partnerId !== partnerId) {
			at('partnerId', 'error_import_agreement_partner_changed', group.partnerHeiId);
			continue;
		}
		const fieldErrors = await contentErrors(ctx, institutionId, partnerId, group);
		for (const [field, messageKey] of Object.entries(fieldErrors.errors)) at(field, messageKey!);
		if (!fieldErrors.content || Object.keys(fieldErrors.errors).length) continue;
		if (before) updates++;
		checked.push({ agreementId: before?.id ?? null, version: before?.version ?? null, partnerId, kind: group.kind, content: fieldErrors.content });
	}
	errors.sort((a, b) => a.row - b.row);
	return storeImportBatch(ctx, { institutionId, kind: 'agreements', fileName: file.name, rows: checked, creates: checked.length - updates, updates, errors });
}

async function contentErrors(ctx: ServiceContext, institutionId: string, partnerId: string, group: SheetGroup) {
	let content: AgreementContent;
	try {
		// The hei-ids are set from the directory when saving; the form only needs the two to tell directions apart.
		content = contentFromForm(group.values, 'ours', group.partnerHeiId || 'partner');
	} catch (err) {
		if (err instanceof AppError && err.code === 'invalid_input') return { content: null, errors: err.fields };
		throw err;
	}
	return { content, errors: await agreementErrors(ctx, institutionId, partnerId, { kind: AGREEMENT_KINDS.includes(group.kind as never) ? group.kind : 'erasmus', content }) };
}

/** Saves a checked batch: new agreements created, changed ones saved as a new version; all or none. */
export async function applyAgreementImport(ctx: ServiceContext, institutionId: string, batchId: string) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	return inTransaction(ctx, async (tx) => {
		const batch = await claimImportBatch(tx, { institutionId, kind: 'agreements', batchId });
		let created = 0;
		let updated = 0;
		for (const row of batch.rows as CheckedAgreement[]) {
			const input = { kind: row.kind, content: row.content };
			if (!row.agreementId) {
				await createAgreement(tx, institutionId, row.partnerId, input);
				created++;
			} else {
				// Someone who saved the agreement since the check makes the whole import a conflict, as in the editor.
				const saved = await updateAgreement(tx, institutionId, row.agreementId, { ...input, version: row.version });
				if (saved.version !== row.version) updated++;
			}
		}
		await recordAudit(tx, { entityType: 'agreement_import', entityId: batch.id, institutionId, action: 'agreement.import', changes: { agreements: { from: null, to: { created, updated, file: batch.fileName } } } });
		return { created, updated };
	});
}
