import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { authorizeInstitution } from '../access/policy';
import { recordAudit } from '../audit/audit.service';
import { inTransaction, type ServiceContext } from '../platform/context';
import { invalidInput, notFound, staleEdit } from '../platform/errors';
import { parseInput } from '../platform/validation';
import { ownPartnerEntry, partnersByIds } from '../partners/partners.service';
import { compareIias } from './agreement-compare';
import { checkContent, listColumns, toIia, type AgreementContent } from './agreement-content';
import { AGREEMENT_KINDS, agreement, agreementVersion } from './agreements.tables';
import { hashOfIia } from './iia-xml';
import { readPartnerCopy } from './partner-copy';

/**
 * Inter-institutional agreements (policy action `mobility.manage`): created with a partner of
 * the directory, saved as numbered versions with their iia-hash, approved by each side for a
 * given hash (a later change shows as "changed since").
 */

export type Agreement = typeof agreement.$inferSelect;

const UUID = /^[0-9a-f-]{36}$/i;

/** JSON with sorted keys and no undefined values, as jsonb gives it back: for "did anything change". */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

const agreementInput = z.object({
	kind: z.enum(AGREEMENT_KINDS, 'error_choose_one'),
	/** The content as the editor built it from its fields (agreement-form.ts). */
	content: z.custom<AgreementContent>((v) => typeof v === 'object' && v !== null, 'error_invalid'),
	version: z.coerce.number().int().positive().optional()
});

/** The two sides' directory entries, with the ounit-ids each may use. */
async function sides(ctx: ServiceContext, institutionId: string, partnerId: string) {
	const own = await ownPartnerEntry(ctx, institutionId);
	if (!UUID.test(partnerId)) throw invalidInput({ partnerId: 'error_choose_one' });
	const [mine, theirs] = await Promise.all([partnersByIds(ctx, institutionId, [own.id]), partnersByIds(ctx, institutionId, [partnerId])]);
	if (!theirs[0]) throw invalidInput({ partnerId: 'error_choose_one' });
	if (theirs[0].partner.id === own.id) throw invalidInput({ partnerId: 'error_partner_is_self' });
	return { own: mine[0]!, partner: theirs[0] };
}

/** The content with both hei-ids set from the directory, checked; its hash for our iia-id. */
function prepare(content: AgreementContent, s: Awaited<ReturnType<typeof sides>>, iiaId: string) {
	const ourHei = s.own.partner.heiId;
	const theirHei = s.partner.partner.heiId;
	const fixed: AgreementContent = {
		...content,
		ours: { ...content.ours, heiId: ourHei },
		partner: { ...content.partner, heiId: theirHei },
		conditions: content.conditions.map((c) => {
			const outgoing = c.sendingHeiId !== theirHei;
			return { ...c, sendingHeiId: outgoing ? ourHei : theirHei, receivingHeiId: outgoing ? theirHei : ourHei };
		})
	};
	const errors = checkContent(fixed, { ours: new Set(s.own.units.map((u) => u.ounitId)), partner: new Set(s.partner.units.map((u) => u.ounitId)) });
	if (Object.keys(errors).length) throw invalidInput(errors);
	return { content: fixed, hash: hashOfIia(toIia(fixed, iiaId, false)).hash };
}

export async function createAgreement(ctx: ServiceContext, institutionId: string, partnerId: string, input: unknown) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const data = parseInput(agreementInput, input);
	return inTransaction(ctx, async (tx) => {
		const s = await sides(tx, institutionId, partnerId);
		const iiaId = randomUUID();
		const { content, hash } = prepare(data.content, s, iiaId);
		const [row] = await tx.db
			.insert(agreement)
			.values({ institutionId, partnerId: s.partner.partner.id, kind: data.kind, iiaId, content, hash, version: 1, partnerCountry: s.partner.partner.countryCode, ...listColumns(content) })
			.returning();
		await tx.db.insert(agreementVersion).values({ agreementId: row!.id, institutionId, number: 1, content, hash, authorId: ctx.actor?.userId ?? null, authorEmail: ctx.actor?.email ?? null });
		await recordAudit(tx, { entityType: 'agreement', entityId: row!.id, institutionId, action: 'agreement.create', changes: { version: { from: null, to: 1 }, hash: { from: null, to: hash } } });
		return row!;
	});
}

async function findAgreement(ctx: ServiceContext, institutionId: string, agreementId: string) {
	if (!UUID.test(agreementId)) throw notFound();
	const [row] = await ctx.db.select().from(agreement).where(and(eq(agreement.id, agreementId), eq(agreement.institutionId, institutionId)));
	if (!row) throw notFound();
	return row;
}

/**
 * Saves a new version when the content changed, if nobody saved since `version` was read.
 * The partner and our iia-id stay as they are for the agreement's life (IIA v7).
 */
export async function updateAgreement(ctx: ServiceContext, institutionId: string, agreementId: string, input: unknown) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const data = parseInput(agreementInput, input);
	return inTransaction(ctx, async (tx) => {
		const before = await findAgreement(tx, institutionId, agreementId);
		if (data.version !== before.version) throw staleEdit();
		const s = await sides(tx, institutionId, before.partnerId);
		const { content, hash } = prepare(data.content, s, before.iiaId);
		if (hash === before.hash && canonical(content) === canonical(before.content) && data.kind === before.kind) return before;
		const number = before.version + 1;
		const [row] = await tx.db
			.update(agreement)
			.set({ kind: data.kind, content, hash, version: number, ...listColumns(content), updatedAt: new Date() })
			.where(and(eq(agreement.id, before.id), eq(agreement.version, before.version)))
			.returning();
		if (!row) throw staleEdit();
		await tx.db.insert(agreementVersion).values({ agreementId: row.id, institutionId, number, content, hash, authorId: ctx.actor?.userId ?? null, authorEmail: ctx.actor?.email ?? null });
		await recordAudit(tx, { entityType: 'agreement', entityId: row.id, institutionId, action: 'agreement.update', changes: { version: { from: before.version, to: number }, hash: { from: before.hash, to: hash } } });
		return row;
	});
}

export type ApprovalState = 'none' | 'approved' | 'changed';

/** Where each side's approval stands against the current hashes. */
export function approvalStates(row: Agreement): { ours: ApprovalState; partner: ApprovalState } {
	const ourTarget = row.partnerCopyHash ?? row.hash;
	return {
		ours: !row.ourApprovalHash ? 'none' : row.ourApprovalHash === ourTarget ? 'approved' : 'changed',
		partner: !row.partnerApprovalHash ? 'none' : row.partnerApprovalHash === row.hash ? 'approved' : 'changed'
	};
}

/** An agreement with its versions (newest first) and approval states; another institution's answers 404. */
export async function getAgreement(ctx: ServiceContext, institutionId: string, agreementId: string) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const row = await findAgreement(ctx, institutionId, agreementId);
	const [versions, partners] = await Promise.all([
		ctx.db
			.select({ number: agreementVersion.number, hash: agreementVersion.hash, authorEmail: agreementVersion.authorEmail, createdAt: agreementVersion.createdAt })
			.from(agreementVersion)
			.where(eq(agreementVersion.agreementId, row.id))
			.orderBy(desc(agreementVersion.number)),
		partnersByIds(ctx, institutionId, [row.partnerId])
	]);
	return { agreement: row, partner: partners[0]!, versions, approvals: approvalStates(row) };
}

/** What changed from version `from` to version `to`, field by field. */
export async function versionDifferences(ctx: ServiceContext, institutionId: string, agreementId: string, from: number, to: number) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const row = await findAgreement(ctx, institutionId, agreementId);
	const versions = await ctx.db
		.select()
		.from(agreementVersion)
		.where(eq(agreementVersion.agreementId, row.id))
		.orderBy(asc(agreementVersion.number));
	const a = versions.find((v) => v.number === from);
	const b = versions.find((v) => v.number === to);
	if (!a || !b) throw notFound();
	return compareIias(toIia(a.content, row.iiaId, false), toIia(b.content, row.iiaId, false), row.content.ours.heiId);
}

/**
 * We approve: the partner's copy when we hold it (as EWP approves the partner's hash), else our
 * current version (the text both signed). `version` is the one the person saw.
 */
export async function approveAgreement(ctx: ServiceContext, institutionId: string, agreementId: string, input: { version?: unknown }) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const version = Number(input.version);
	return inTransaction(ctx, async (tx) => {
		const row = await findAgreement(tx, institutionId, agreementId);
		if (version !== row.version) throw staleEdit();
		if (row.partnerCopy && row.partnerCopyValidForApproval === false) throw invalidInput({}, 'error_partner_copy_not_approvable');
		const hash = row.partnerCopyHash ?? row.hash;
		const [updated] = await tx.db
			.update(agreement)
			.set({ ourApprovalHash: hash, ourApprovalVersion: row.version, ourApprovalAt: new Date(), ourApprovalBy: ctx.actor?.email ?? null })
			.where(eq(agreement.id, row.id))
			.returning();
		await recordAudit(tx, { entityType: 'agreement', entityId: row.id, institutionId, action: 'agreement.approve', changes: { ourApprovalHash: { from: row.ourApprovalHash, to: hash } } });
		return updated!;
	});
}

/** The partner approved our current version (told by mail or on paper, until EWP says it). */
export async function recordPartnerApproval(ctx: ServiceContext, institutionId: string, agreementId: string, input: { version?: unknown; note?: unknown }) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const version = Number(input.version);
	const note = typeof input.note === 'string' ? input.note.trim().slice(0, 500) : '';
	return inTransaction(ctx, async (tx) => {
		const row = await findAgreement(tx, institutionId, agreementId);
		if (version !== row.version) throw staleEdit();
		const [updated] = await tx.db
			.update(agreement)
			.set({ partnerApprovalHash: row.hash, partnerApprovalVersion: row.version, partnerApprovalAt: new Date(), partnerApprovalBy: ctx.actor?.email ?? null, partnerApprovalNote: note || null })
			.where(eq(agreement.id, row.id))
			.returning();
		await recordAudit(tx, { entityType: 'agreement', entityId: row.id, institutionId, action: 'agreement.partner_approved', changes: { partnerApprovalHash: { from: row.partnerApprovalHash, to: row.hash }, note: { from: null, to: note || null } } });
		return updated!;
	});
}

/** The institution's agreements, most recently changed first, with their partners and approval states. */
export async function listAgreements(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const rows = await ctx.db.select().from(agreement).where(eq(agreement.institutionId, institutionId)).orderBy(desc(agreement.updatedAt)).limit(500);
	const partners = new Map((await partnersByIds(ctx, institutionId, [...new Set(rows.map((r) => r.partnerId))])).map((p) => [p.partner.id, p.partner]));
	return rows.map((row) => ({ ...row, partner: partners.get(row.partnerId)!, approvals: approvalStates(row) }));
}

/** An agreement for its editor: its content and version, and both sides' units. */
export async function agreementForEditor(ctx: ServiceContext, institutionId: string, agreementId: string) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const row = await findAgreement(ctx, institutionId, agreementId);
	return { agreement: row, choices: await editorChoices(ctx, institutionId, row.partnerId) };
}

/** What the editor offers: the directory's partners, and the units of both sides. */
export async function editorChoices(ctx: ServiceContext, institutionId: string, partnerId: string | null) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const own = await ownPartnerEntry(ctx, institutionId);
	const ids = [own.id, ...(partnerId && UUID.test(partnerId) ? [partnerId] : [])];
	const found = await partnersByIds(ctx, institutionId, ids);
	return { own: found.find((p) => p.partner.id === own.id)!, partner: partnerId ? (found.find((p) => p.partner.id === partnerId && p.partner.id !== own.id) ?? null) : null };
}

/** The largest partner file read (the XML reader refuses more anyway). */
export const PARTNER_COPY_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Keeps the partner's copy of the agreement, read from their IIA file; what it says is compared
 * with ours on the agreement's page, and our approval now approves its hash.
 */
export async function importPartnerCopy(ctx: ServiceContext, institutionId: string, agreementId: string, file: { text: string; size: number } | null) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const row = await findAgreement(ctx, institutionId, agreementId);
	if (!file || file.size === 0) throw invalidInput({ file: 'error_file_required' });
	if (file.size > PARTNER_COPY_MAX_BYTES) throw invalidInput({ file: 'error_file_too_large' });
	const copy = await readPartnerCopy(file.text, { ourHeiId: row.content.ours.heiId, partnerHeiId: row.content.partner.heiId, ourIiaId: row.iiaId, partnerIiaId: row.content.partner.iiaId });
	return inTransaction(ctx, async (tx) => {
		const [updated] = await tx.db
			.update(agreement)
			.set({ partnerCopy: copy.iia, partnerCopyXml: copy.xml, partnerCopyHash: copy.hash, partnerCopyValidForApproval: copy.validForApproval, partnerCopyAt: new Date() })
			.where(and(eq(agreement.id, row.id), eq(agreement.institutionId, institutionId)))
			.returning();
		await recordAudit(tx, { entityType: 'agreement', entityId: row.id, institutionId, action: 'agreement.partner_copy', changes: { partnerCopyHash: { from: row.partnerCopyHash, to: copy.hash } } });
		return { agreement: updated!, statedHash: copy.statedHash };
	});
}

/** Where the partner's copy differs from ours (empty when they say the same). */
export function partnerCopyDifferences(row: Agreement) {
	if (!row.partnerCopy) return null;
	return compareIias(toIia(row.content, row.iiaId, false), row.partnerCopy, row.content.ours.heiId);
}
