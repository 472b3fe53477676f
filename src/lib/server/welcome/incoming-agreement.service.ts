import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { authorizeInstitution } from '../access/policy';
import { incomingAgreementChoices } from '../agreements/agreement-list';
import { recordAudit } from '../audit/audit.service';
import { inTransaction, type ServiceContext } from '../platform/context';
import { invalidInput, notFound } from '../platform/errors';
import { incomingProfile } from './incoming.tables';

/**
 * Which agreement an incoming person comes under (set by the institution's staff on their case),
 * and how many people each agreement's conditions have used per academic year: the quota's use.
 */

/** Links (or, with an empty choice, unlinks) a person coming to the institution to one of its agreements' incoming conditions. */
export async function linkIncomingAgreement(ctx: ServiceContext, institutionId: string, userId: string, choice: string) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const value = choice.trim();
	let link: { agreementId: string | null; agreementMobility: string | null } = { agreementId: null, agreementMobility: null };
	if (value) {
		const found = (await incomingAgreementChoices(ctx, institutionId)).find((c) => c.value === value);
		if (!found) throw invalidInput({ agreement: 'error_choose_one' });
		link = { agreementId: found.agreementId, agreementMobility: found.kind };
	}
	return inTransaction(ctx, async (tx) => {
		const [before] = await tx.db
			.select({ agreementId: incomingProfile.agreementId, agreementMobility: incomingProfile.agreementMobility })
			.from(incomingProfile)
			.where(and(eq(incomingProfile.userId, userId), eq(incomingProfile.institutionId, institutionId)));
		if (!before) throw notFound();
		if (before.agreementId === link.agreementId && before.agreementMobility === link.agreementMobility) return link;
		await tx.db.update(incomingProfile).set({ ...link, updatedAt: new Date() }).where(eq(incomingProfile.userId, userId));
		await recordAudit(tx, {
			entityType: 'incoming_profile',
			entityId: userId,
			institutionId,
			action: 'incoming_profile.agreement',
			changes: { agreementId: { from: before.agreementId, to: link.agreementId }, agreementMobility: { from: before.agreementMobility, to: link.agreementMobility } }
		});
		return link;
	});
}

/** The academic year (its first calendar year, from 1 September) a stay starts in: its first day, or the arrival. */
const stayYear = sql<number>`(extract(year from coalesce(${incomingProfile.stayStart}, ${incomingProfile.arrivalDate})) - case when extract(month from coalesce(${incomingProfile.stayStart}, ${incomingProfile.arrivalDate})) < 9 then 1 else 0 end)::int`;

/** People linked to an agreement, per kind of mobility and academic year (null when their stay has no date yet). */
export async function agreementUsage(ctx: ServiceContext, institutionId: string, agreementId: string): Promise<{ kind: string; year: number | null; count: number }[]> {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const rows = await ctx.db
		.select({ kind: incomingProfile.agreementMobility, year: stayYear, count: sql<number>`count(*)::int` })
		.from(incomingProfile)
		.where(and(eq(incomingProfile.institutionId, institutionId), eq(incomingProfile.agreementId, agreementId), isNotNull(incomingProfile.agreementMobility)))
		.groupBy(incomingProfile.agreementMobility, stayYear);
	return rows.map((r) => ({ kind: r.kind!, year: r.year, count: r.count }));
}

/** The agreement an incoming person is linked to, as its `agreementId:kind` choice ('' when none). */
export async function incomingAgreementOf(ctx: ServiceContext, institutionId: string, userId: string): Promise<string> {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const [row] = await ctx.db
		.select({ agreementId: incomingProfile.agreementId, kind: incomingProfile.agreementMobility })
		.from(incomingProfile)
		.where(and(eq(incomingProfile.userId, userId), eq(incomingProfile.institutionId, institutionId)));
	return row?.agreementId && row.kind ? `${row.agreementId}:${row.kind}` : '';
}
