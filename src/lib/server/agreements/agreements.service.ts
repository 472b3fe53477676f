import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { MessageKey } from '$lib/i18n/messages';
import { authorizeInstitution } from '../access/policy';
import { recordAudit } from '../audit/audit.service';
import { inTransaction, type ServiceContext } from '../platform/context';
import { AppError, invalidInput, notFound, staleEdit } from '../platform/errors';
import { parseInput, isUuid } from '../platform/validation';
import { ownPartnerEntry, partnersByIds } from '../partners/partners.service';
import { compareIias } from './agreement-compare';
import { checkContent, listColumns, toIia, type AgreementContent } from './agreement-content';
import { AGREEMENT_KINDS, agreement, agreementVersion } from './agreements.tables';
import { hashOfIia, iiaGetResponseXml } from './iia-xml';
import { approvalStates } from './approval-states';
import { readPartnerCopy } from './partner-copy';

/**
 * Inter-institutional agreements (policy action `mobility.manage`): created with a partner of
 * the directory, saved as numbered versions with their iia-hash, approved by each side for a
 * given hash (a later change shows as "changed since").
 */

export type Agreement = typeof agreement.$inferSelect;


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
	if (!isUuid(partnerId)) throw invalidInput({ partnerId: 'error_choose_one' });
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

/**
 * The field errors saving this content with this partner would give (none: it would save), for
 * checking imported rows without writing. Another institution's partner is an unknown one.
 */
export async function agreementErrors(ctx: ServiceContext, institutionId: string, partnerId: string, input: unknown): Promise<Partial<Record<string, MessageKey>>> {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	try {
		const data = parseInput(agreementInput, input);
		prepare(data.content, await sides(ctx, institutionId, partnerId), randomUUID());
		return {};
	} catch (err) {
		if (err instanceof AppError && err.code === 'invalid_input') return err.fields;
		throw err;
	}
}

export async function createAgreement(ctx: ServiceContext, institutionId: string, partnerId: string, input: unknown) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const data = parseInput(agreementInput, input);
	return inTransaction(ctx, async (tx) => {
		const s = await sides(tx, institutionId, partnerId);
		const iiaId = randomUUID();
		const { content, hash } = prepare(data.content, s, iiaId);
		if (content.terminated) throw invalidInput({ terminated: 'error_terminate_not_approved' });
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
	if (!isUuid(agreementId)) throw notFound();
	const [row] = await ctx.db.select().from(agreement).where(and(eq(agreement.id, agreementId), eq(agreement.institutionId, institutionId)));
	if (!row) throw notFound();
	return row;
}

/** Both sides approved what the agreement says now. */
export function mutuallyApproved(row: Agreement) {
	const states = approvalStates(row);
	return states.ours === 'approved' && states.partner === 'approved';
}

/** Stores `content` as the next version of `before` (unless nothing changed): the row, the version, the audit. */
async function saveVersion(tx: ServiceContext, before: Agreement, kind: string, content: AgreementContent, hash: string, action: string) {
	if (hash === before.hash && canonical(content) === canonical(before.content) && kind === before.kind) return before;
	const number = before.version + 1;
	const [row] = await tx.db
		.update(agreement)
		.set({ kind, content, hash, version: number, ...listColumns(content), updatedAt: new Date() })
		.where(and(eq(agreement.id, before.id), eq(agreement.version, before.version)))
		.returning();
	if (!row) throw staleEdit();
	await tx.db.insert(agreementVersion).values({ agreementId: row.id, institutionId: before.institutionId, number, content, hash, authorId: tx.actor?.userId ?? null, authorEmail: tx.actor?.email ?? null });
	await recordAudit(tx, { entityType: 'agreement', entityId: row.id, institutionId: before.institutionId, action, changes: { version: { from: before.version, to: number }, hash: { from: before.hash, to: hash } } });
	return row;
}

/**
 * Saves a new version when the content changed, if nobody saved since `version` was read.
 * The partner and our iia-id stay as they are for the agreement's life (IIA v7). Terminating
 * as a whole is for agreements both sides approved (the XSD's rule); use `terminateAgreement`.
 */
export async function updateAgreement(ctx: ServiceContext, institutionId: string, agreementId: string, input: unknown) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const data = parseInput(agreementInput, input);
	return inTransaction(ctx, async (tx) => {
		const before = await findAgreement(tx, institutionId, agreementId);
		if (data.version !== before.version) throw staleEdit();
		const s = await sides(tx, institutionId, before.partnerId);
		const { content, hash } = prepare(data.content, s, before.iiaId);
		if (content.terminated && !before.terminated && !mutuallyApproved(before)) throw invalidInput({ terminated: 'error_terminate_not_approved' });
		return saveVersion(tx, before, data.kind, content, hash, 'agreement.update');
	});
}

/**
 * Terminates a mutually approved agreement as a whole (a new version the partner approves in
 * turn). IIA v7: only before any exchange took place; after one, the agreement is modified
 * instead (its last academic year brought forward), which `exchanges` (people already linked
 * to it) tells.
 */
export async function terminateAgreement(ctx: ServiceContext, institutionId: string, agreementId: string, input: { version?: unknown }, exchanges: number) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const version = Number(input.version);
	return inTransaction(ctx, async (tx) => {
		const before = await findAgreement(tx, institutionId, agreementId);
		if (version !== before.version) throw staleEdit();
		if (before.terminated) return before;
		if (!mutuallyApproved(before)) throw invalidInput({}, 'error_terminate_not_approved');
		if (exchanges > 0) throw invalidInput({}, 'error_terminate_after_exchanges');
		const content = { ...before.content, terminated: true };
		return saveVersion(tx, before, before.kind, content, hashOfIia(toIia(content, before.iiaId, false)).hash, 'agreement.terminate');
	});
}

/**
 * Saves an earlier version's content as the newest version: going back to the last version both
 * sides approved (IIA v7 keeps that snapshot for when a change is not agreed). Its hash is the
 * old one, so the approvals given to it count again.
 */
export async function restoreVersion(ctx: ServiceContext, institutionId: string, agreementId: string, input: { version?: unknown; restore?: unknown }) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const version = Number(input.version);
	const restore = Number(input.restore);
	return inTransaction(ctx, async (tx) => {
		const before = await findAgreement(tx, institutionId, agreementId);
		if (version !== before.version) throw staleEdit();
		if (!Number.isInteger(restore)) throw notFound();
		const [old] = await tx.db
			.select()
			.from(agreementVersion)
			.where(and(eq(agreementVersion.agreementId, before.id), eq(agreementVersion.number, restore)));
		if (!old) throw notFound();
		return saveVersion(tx, before, before.kind, old.content, old.hash, 'agreement.restore');
	});
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
 * For an editor whose save came too late: who saved since `from` (the version their form was
 * opened on), when, and what changed from it to the current version.
 */
export async function changesSinceVersion(ctx: ServiceContext, institutionId: string, agreementId: string, from: number) {
	const { agreement: row, versions } = await getAgreement(ctx, institutionId, agreementId);
	const latest = versions[0]!;
	const known = Number.isInteger(from) && from >= 1 && from < row.version;
	const differences = known ? await versionDifferences(ctx, institutionId, agreementId, from, row.version) : [];
	return { by: latest.authorEmail, at: latest.createdAt, from: known ? from : null, to: row.version, differences };
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
	const ids = [own.id, ...(partnerId && isUuid(partnerId) ? [partnerId] : [])];
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

/** Our copy as an EWP IIA get response: the file a partner's system imports. In effect once both sides approved it. */
export async function agreementXml(ctx: ServiceContext, institutionId: string, agreementId: string) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const row = await findAgreement(ctx, institutionId, agreementId);
	return { xml: iiaGetResponseXml([toIia(row.content, row.iiaId, mutuallyApproved(row))]), heiId: row.content.partner.heiId, version: row.version };
}
