import { and, asc, eq, ilike, inArray, isNotNull, ne, notInArray, or, sql } from 'drizzle-orm';
import { cleanLocalizedText } from '$lib/i18n/localized-text';
import { authorizeInstitution } from '../access/policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { institutionDirectory } from '../institutions/institutions.views';
import { inTransaction, type ServiceContext } from '../platform/context';
import { AppError, invalidInput, isUniqueViolation, notFound, staleEdit } from '../platform/errors';
import { parseInput, isUuid } from '../platform/validation';
import { contactInputSchema, partnerInputSchema, unitInputSchema } from './partners.schemas';
import { partner, partnerContact, partnerUnit } from './partners.tables';

/**
 * An international office's partner directory (policy action `mobility.manage`): partners by
 * hei-id with their units and contacts. Institutions on the platform are offered in every
 * directory and added with one click, copied from their profile; every change is audited.
 */

export type Partner = typeof partner.$inferSelect;
export type PartnerUnit = typeof partnerUnit.$inferSelect;
export type PartnerContact = typeof partnerContact.$inferSelect;

/** What a removal changed: every field to nothing. */
const removal = (before: Record<string, unknown>) => diffFields(before, Object.fromEntries(Object.keys(before).map((k) => [k, null])));

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A partner whose hei-id, name, city or Erasmus code contains `q`. */
const partnerMatches = (q: string) =>
	or(ilike(partner.heiId, likePattern(q)), ilike(sql`${partner.name}::text`, likePattern(q)), ilike(sql`${partner.city}::text`, likePattern(q)), ilike(sql`coalesce(${partner.erasmusCode}, '')`, likePattern(q)));

/** The directory: the institution's partners, and the platform's institutions it has not added yet. */
export async function listPartners(ctx: ServiceContext, institutionId: string, filters: { q?: string; country?: string } = {}) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const q = filters.q?.trim().slice(0, 100);
	const country = filters.country?.trim().toUpperCase().slice(0, 2);
	const [partners, own] = await Promise.all([
		ctx.db
			.select({
				id: partner.id,
				heiId: partner.heiId,
				erasmusCode: partner.erasmusCode,
				name: partner.name,
				countryCode: partner.countryCode,
				city: partner.city,
				platformInstitutionId: partner.platformInstitutionId,
				units: sql<number>`(select count(*)::int from ${partnerUnit} where ${partnerUnit.partnerId} = ${partner.id})`,
				contacts: sql<number>`(select count(*)::int from ${partnerContact} where ${partnerContact.partnerId} = ${partner.id})`
			})
			.from(partner)
			.where(
				and(
					eq(partner.institutionId, institutionId),
					country ? eq(partner.countryCode, country) : undefined,
					q ? partnerMatches(q) : undefined
				)
			)
			.orderBy(asc(partner.countryCode), asc(partner.heiId)),
		ctx.db.select({ heiId: partner.heiId }).from(partner).where(eq(partner.institutionId, institutionId))
	]);
	const taken = own.map((p) => p.heiId);
	const onPlatform = await ctx.db
		.select({ id: institutionDirectory.id, heiId: institutionDirectory.heiId, name: institutionDirectory.name, countryCode: institutionDirectory.countryCode, city: institutionDirectory.city })
		.from(institutionDirectory)
		.where(
			and(
				isNotNull(institutionDirectory.heiId),
				ne(institutionDirectory.id, institutionId),
				taken.length ? notInArray(institutionDirectory.heiId, taken) : undefined,
				country ? eq(institutionDirectory.countryCode, country) : undefined,
				q ? or(ilike(institutionDirectory.heiId, likePattern(q)), ilike(sql`${institutionDirectory.name}::text`, likePattern(q)), ilike(sql`${institutionDirectory.city}::text`, likePattern(q))) : undefined
			)
		)
		.orderBy(asc(institutionDirectory.countryCode), asc(institutionDirectory.heiId))
		.limit(200);
	return { partners, onPlatform: onPlatform.map((p) => ({ ...p, heiId: p.heiId! })) };
}

/** One partner of the institution's directory with its units and contacts; another's answers 404. */
export async function getPartner(ctx: ServiceContext, institutionId: string, partnerId: string) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const row = await findPartner(ctx, institutionId, partnerId);
	const [units, contacts] = await Promise.all([
		ctx.db.select().from(partnerUnit).where(eq(partnerUnit.partnerId, row.id)).orderBy(asc(partnerUnit.ounitId)),
		ctx.db.select().from(partnerContact).where(eq(partnerContact.partnerId, row.id)).orderBy(asc(partnerContact.name))
	]);
	return { partner: row, units, contacts, isOwn: row.platformInstitutionId === institutionId };
}

async function findPartner(ctx: ServiceContext, institutionId: string, partnerId: string) {
	if (!isUuid(partnerId)) throw notFound();
	const [row] = await ctx.db.select().from(partner).where(and(eq(partner.id, partnerId), eq(partner.institutionId, institutionId)));
	if (!row) throw notFound();
	return row;
}

function partnerValues(data: ReturnType<typeof partnerInputSchema.parse>) {
	return {
		heiId: data.heiId,
		erasmusCode: data.erasmusCode,
		name: cleanLocalizedText(data.name),
		city: cleanLocalizedText(data.city),
		countryCode: data.countryCode,
		website: data.website || null
	};
}

/** Adds a partner typed in by hand; one on the platform (same hei-id) is linked to it. */
export async function createPartner(ctx: ServiceContext, institutionId: string, input: unknown) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const data = parseInput(partnerInputSchema, input);
	return inTransaction(ctx, async (tx) => {
		const [existing] = await tx.db.select({ id: partner.id }).from(partner).where(and(eq(partner.institutionId, institutionId), eq(partner.heiId, data.heiId)));
		if (existing) throw invalidInput({ heiId: 'error_partner_exists' });
		const [onPlatform] = await tx.db.select({ id: institutionDirectory.id }).from(institutionDirectory).where(eq(institutionDirectory.heiId, data.heiId));
		const values = { ...partnerValues(data), institutionId, platformInstitutionId: onPlatform?.id ?? null };
		const [row] = await insertPartner(tx, values);
		await recordAudit(tx, { entityType: 'partner', entityId: row!.id, institutionId, action: 'partner.create', changes: diffFields(null, partnerValues(data)) });
		return row!;
	});
}

async function insertPartner(tx: ServiceContext, values: typeof partner.$inferInsert) {
	try {
		return await tx.db.insert(partner).values(values).returning();
	} catch (err) {
		if (isUniqueViolation(err)) throw invalidInput({ heiId: 'error_partner_exists' });
		throw err;
	}
}

/**
 * Adds an institution of the platform to the directory, copied from its profile (the same
 * entry when it is already there). `platformInstitutionId` may be the institution itself: its
 * own entry holds the units and contacts of its side of agreements.
 */
export async function addPlatformPartner(ctx: ServiceContext, institutionId: string, platformInstitutionId: string) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	if (!isUuid(platformInstitutionId)) throw notFound();
	return inTransaction(ctx, async (tx) => {
		const [source] = await tx.db.select().from(institutionDirectory).where(eq(institutionDirectory.id, platformInstitutionId));
		if (!source) throw notFound();
		if (!source.heiId) throw new AppError('invalid_input', source.id === institutionId ? 'error_own_hei_id_missing' : 'error_partner_no_hei_id');
		const [existing] = await tx.db.select().from(partner).where(and(eq(partner.institutionId, institutionId), eq(partner.heiId, source.heiId)));
		if (existing) return existing;
		const values = { heiId: source.heiId, erasmusCode: source.erasmusCode, name: source.name, city: source.city, countryCode: source.countryCode, website: source.website };
		// Two first visits at once both reach here: the second keeps the entry the first made.
		const [row] = await tx.db
			.insert(partner)
			.values({ ...values, institutionId, platformInstitutionId: source.id })
			.onConflictDoNothing({ target: [partner.institutionId, partner.heiId] })
			.returning();
		if (!row) return (await tx.db.select().from(partner).where(and(eq(partner.institutionId, institutionId), eq(partner.heiId, source.heiId))))[0]!;
		await recordAudit(tx, { entityType: 'partner', entityId: row.id, institutionId, action: 'partner.create', changes: diffFields(null, values) });
		return row;
	});
}

/**
 * The institution's own entry, created from its profile on first use: also by the pages that
 * show it (editor, PDF), since its units are chosen there; the creation is idempotent and audited.
 */
export async function ownPartnerEntry(ctx: ServiceContext, institutionId: string) {
	return addPlatformPartner(ctx, institutionId, institutionId);
}

/** Saves a partner's identity and names, if nobody saved since `version` was read. */
export async function updatePartner(ctx: ServiceContext, institutionId: string, partnerId: string, input: unknown) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const data = parseInput(partnerInputSchema, input);
	return inTransaction(ctx, async (tx) => {
		const before = await findPartner(tx, institutionId, partnerId);
		if (data.version !== before.version) throw staleEdit();
		if (data.heiId !== before.heiId) {
			const [clash] = await tx.db.select({ id: partner.id }).from(partner).where(and(eq(partner.institutionId, institutionId), eq(partner.heiId, data.heiId)));
			if (clash) throw invalidInput({ heiId: 'error_partner_exists' });
		}
		const next = partnerValues(data);
		const [row] = await tx.db
			.update(partner)
			.set({ ...next, version: before.version + 1, updatedAt: new Date() })
			.where(and(eq(partner.id, before.id), eq(partner.version, before.version)))
			.returning();
		if (!row) throw staleEdit();
		const { heiId, erasmusCode, name, city, countryCode, website } = before;
		await recordAudit(tx, { entityType: 'partner', entityId: row.id, institutionId, action: 'partner.update', changes: diffFields({ heiId, erasmusCode, name, city, countryCode, website }, next) });
		return row;
	});
}

export async function addUnit(ctx: ServiceContext, institutionId: string, partnerId: string, input: unknown) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const data = parseInput(unitInputSchema, input);
	return inTransaction(ctx, async (tx) => {
		const owner = await findPartner(tx, institutionId, partnerId);
		const values = { ounitId: data.ounitId, code: data.code || null, name: cleanLocalizedText(data.name) };
		try {
			const [row] = await tx.db.insert(partnerUnit).values({ ...values, partnerId: owner.id, institutionId }).returning();
			await recordAudit(tx, { entityType: 'partner', entityId: owner.id, institutionId, action: 'partner.add_unit', changes: diffFields(null, values) });
			return row!;
		} catch (err) {
			if (isUniqueViolation(err)) throw invalidInput({ ounitId: 'error_unit_exists' });
			throw err;
		}
	});
}

export async function removeUnit(ctx: ServiceContext, institutionId: string, unitId: string) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	if (!isUuid(unitId)) throw notFound();
	return inTransaction(ctx, async (tx) => {
		const [row] = await tx.db.delete(partnerUnit).where(and(eq(partnerUnit.id, unitId), eq(partnerUnit.institutionId, institutionId))).returning();
		if (!row) throw notFound();
		await recordAudit(tx, { entityType: 'partner', entityId: row.partnerId, institutionId, action: 'partner.remove_unit', changes: removal({ ounitId: row.ounitId, code: row.code, name: row.name }) });
	});
}

export async function addContact(ctx: ServiceContext, institutionId: string, partnerId: string, input: unknown) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const data = parseInput(contactInputSchema, input);
	return inTransaction(ctx, async (tx) => {
		const owner = await findPartner(tx, institutionId, partnerId);
		let unitId: string | null = null;
		if (data.unitId) {
			const [unit] = isUuid(data.unitId)
				? await tx.db.select({ id: partnerUnit.id }).from(partnerUnit).where(and(eq(partnerUnit.id, data.unitId), eq(partnerUnit.partnerId, owner.id)))
				: [];
			if (!unit) throw invalidInput({ unitId: 'error_choose_one' });
			unitId = unit.id;
		}
		const values = { name: data.name, email: data.email || null, phone: data.phone || null, roles: [...new Set(data.roles)], unitId };
		const [row] = await tx.db.insert(partnerContact).values({ ...values, partnerId: owner.id, institutionId }).returning();
		await recordAudit(tx, { entityType: 'partner', entityId: owner.id, institutionId, action: 'partner.add_contact', changes: diffFields(null, values) });
		return row!;
	});
}

export async function removeContact(ctx: ServiceContext, institutionId: string, contactId: string) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	if (!isUuid(contactId)) throw notFound();
	return inTransaction(ctx, async (tx) => {
		const [row] = await tx.db.delete(partnerContact).where(and(eq(partnerContact.id, contactId), eq(partnerContact.institutionId, institutionId))).returning();
		if (!row) throw notFound();
		const { name, email, phone, roles, unitId } = row;
		await recordAudit(tx, { entityType: 'partner', entityId: row.partnerId, institutionId, action: 'partner.remove_contact', changes: removal({ name, email, phone, roles, unitId }) });
	});
}

/** Partners of the directory by id, with units and contacts (for agreements). */
export async function partnersByIds(ctx: Pick<ServiceContext, 'db'>, institutionId: string, ids: string[]) {
	if (!ids.length) return [];
	const [rows, units, contacts] = await Promise.all([
		ctx.db.select().from(partner).where(and(eq(partner.institutionId, institutionId), inArray(partner.id, ids))),
		ctx.db.select().from(partnerUnit).where(and(eq(partnerUnit.institutionId, institutionId), inArray(partnerUnit.partnerId, ids))),
		ctx.db.select().from(partnerContact).where(and(eq(partnerContact.institutionId, institutionId), inArray(partnerContact.partnerId, ids)))
	]);
	return rows.map((p) => ({ partner: p, units: units.filter((u) => u.partnerId === p.id), contacts: contacts.filter((c) => c.partnerId === p.id) }));
}

/** The names and codes of some partners of the institution (lists that show many). */
export async function partnerSummaries(ctx: ServiceContext, institutionId: string, ids: string[]) {
	if (!ids.length) return [];
	return ctx.db
		.select({ id: partner.id, heiId: partner.heiId, erasmusCode: partner.erasmusCode, name: partner.name, countryCode: partner.countryCode })
		.from(partner)
		.where(and(eq(partner.institutionId, institutionId), inArray(partner.id, ids)));
}

/** The ids of the institution's partners whose hei-id, Erasmus code, name or city contains `q`. */
export async function partnerIdsMatching(ctx: ServiceContext, institutionId: string, q: string): Promise<string[]> {
	const rows = await ctx.db
		.select({ id: partner.id })
		.from(partner)
		.where(
			and(
				eq(partner.institutionId, institutionId),
				partnerMatches(q)
			)
		);
	return rows.map((r) => r.id);
}

/** The institution's partners with these hei-ids: hei-id → partner id. */
export async function partnerIdsByHeiId(ctx: ServiceContext, institutionId: string, heiIds: string[]): Promise<Map<string, string>> {
	if (!heiIds.length) return new Map();
	const rows = await ctx.db
		.select({ id: partner.id, heiId: partner.heiId })
		.from(partner)
		.where(and(eq(partner.institutionId, institutionId), inArray(partner.heiId, heiIds)));
	return new Map(rows.map((r) => [r.heiId, r.id]));
}

/**
 * The institution's directory entries with these hei-ids, with their units and contacts: what its
 * EWP host publishes (its own entry in full; partners it refers to, by name). No actor: the host
 * answers partners' servers, and only for the institution whose host was called.
 */
export async function directoryEntriesByHeiId(platform: Pick<ServiceContext, 'db'>, institutionId: string, heiIds: string[]) {
	if (!heiIds.length) return [];
	const rows = await platform.db.select({ id: partner.id }).from(partner).where(and(eq(partner.institutionId, institutionId), inArray(partner.heiId, heiIds)));
	return partnersByIds(platform, institutionId, rows.map((r) => r.id));
}
