import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { academicYearOf, AGREEMENT_PAGE_SIZE, type AgreementExpiry, type AgreementFilters, type AgreementStatus } from '$lib/agreements/list-filters';
import { authorizeInstitution } from '../access/policy';
import type { ServiceContext } from '../platform/context';
import { partnerIdsMatching, partnerSummaries } from '../partners/partners.service';
import { agreement } from './agreements.tables';
import { approvalStates } from './approval-states';

/**
 * The agreement list (filters in the URL, a page at a time) and the dashboard's counts. The
 * approval states are the same rules as `approvalStates`, written in SQL so they filter.
 */

const ourTarget = sql`coalesce(${agreement.partnerCopyHash}, ${agreement.hash})`;
const oursApproved = sql`coalesce(${agreement.ourApprovalHash} = ${ourTarget}, false)`;
const partnerApproved = sql`coalesce(${agreement.partnerApprovalHash} = ${agreement.hash}, false)`;
const live = eq(agreement.terminated, false);

const statusConditions: Record<AgreementStatus, SQL> = {
	approved: and(live, oursApproved, partnerApproved)!,
	ours: and(live, sql`not ${oursApproved}`)!,
	partner: and(live, sql`not ${partnerApproved}`)!,
	copy: and(live, sql`${agreement.partnerCopyHash} is not null and ${agreement.ourApprovalHash} is distinct from ${agreement.partnerCopyHash}`)!,
	changed: or(sql`${agreement.ourApprovalHash} <> ${ourTarget}`, sql`${agreement.partnerApprovalHash} <> ${agreement.hash}`)!,
	terminated: eq(agreement.terminated, true)
};

function expiryCondition(expiry: AgreementExpiry, year: number): SQL {
	switch (expiry) {
		case 'this':
			return and(live, eq(agreement.lastYear, year))!;
		case 'next':
			return and(live, eq(agreement.lastYear, year + 1))!;
		case 'ended':
			return lt(agreement.lastYear, year);
		case 'running':
			return and(live, gte(agreement.lastYear, year))!;
	}
}

/** The SQL condition of the filters (the search asks the partner directory which partners match). */
export async function agreementFilter(ctx: ServiceContext, institutionId: string, filters: Partial<AgreementFilters>, year: number): Promise<SQL> {
	let matching: SQL | undefined;
	if (filters.q) {
		const ids = await partnerIdsMatching(ctx, institutionId, filters.q);
		const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		matching = or(
			ids.length ? inArray(agreement.partnerId, ids) : undefined,
			sql`coalesce(${agreement.content}->'ours'->>'iiaCode', '') ilike ${pattern}`,
			sql`coalesce(${agreement.content}->'partner'->>'iiaCode', '') ilike ${pattern}`
		);
	}
	return and(
		eq(agreement.institutionId, institutionId),
		matching,
		filters.country ? eq(agreement.partnerCountry, filters.country) : undefined,
		filters.status ? statusConditions[filters.status] : undefined,
		filters.expiry ? expiryCondition(filters.expiry, year) : undefined,
		filters.subject ? sql`exists (select 1 from unnest(${agreement.subjectAreas}) as s(code) where s.code like ${`${filters.subject}%`})` : undefined,
		filters.mobility ? sql`${agreement.mobilityKinds} @> array[${filters.mobility}]::text[]` : undefined,
		filters.kind ? eq(agreement.kind, filters.kind) : undefined
	)!;
}

/** A page of the institution's agreements that match the filters, most recently changed first. */
export async function listAgreements(ctx: ServiceContext, institutionId: string, filters: Partial<AgreementFilters> = {}) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const year = academicYearOf(ctx.clock.now());
	const where = await agreementFilter(ctx, institutionId, filters, year);
	const page = filters.page ?? 1;
	const [rows, countries] = await Promise.all([
		ctx.db
			.select({ row: agreement, total: sql<number>`count(*) over ()`.mapWith(Number) })
			.from(agreement)
			.where(where)
			.orderBy(desc(agreement.updatedAt), desc(agreement.id))
			.limit(AGREEMENT_PAGE_SIZE)
			.offset((page - 1) * AGREEMENT_PAGE_SIZE),
		ctx.db.selectDistinct({ code: agreement.partnerCountry }).from(agreement).where(eq(agreement.institutionId, institutionId))
	]);
	const partners = new Map((await partnerSummaries(ctx, institutionId, [...new Set(rows.map((r) => r.row.partnerId))])).map((p) => [p.id, p]));
	return {
		total: rows[0]?.total ?? 0,
		page,
		pageSize: AGREEMENT_PAGE_SIZE,
		academicYear: year,
		countries: countries.map((c) => c.code).sort(),
		agreements: rows.map(({ row }) => ({ ...row, partner: partners.get(row.partnerId)!, approvals: approvalStates(row) }))
	};
}

/** What needs the office's attention, for the workspace dashboard: each a list filter's count. */
export async function agreementAttention(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const year = academicYearOf(ctx.clock.now());
	const count = (condition: SQL) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);
	const [row] = await ctx.db
		.select({
			total: sql<number>`count(*)`.mapWith(Number),
			endingThis: count(expiryCondition('this', year)),
			endingNext: count(expiryCondition('next', year)),
			copy: count(statusConditions.copy),
			partner: count(statusConditions.partner),
			changed: count(statusConditions.changed)
		})
		.from(agreement)
		.where(eq(agreement.institutionId, institutionId));
	return { academicYear: year, ...row! };
}

/**
 * What an incoming person may come under: each agreement in force with the kinds of mobility it
 * has coming to us, as `agreementId:kind` choices (the welcome centre links people to them).
 */
export async function incomingAgreementChoices(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'mobility.manage', institutionId);
	const rows = await ctx.db
		.select({ id: agreement.id, partnerId: agreement.partnerId, content: agreement.content, lastYear: agreement.lastYear })
		.from(agreement)
		.where(and(eq(agreement.institutionId, institutionId), live))
		.orderBy(desc(agreement.lastYear))
		.limit(2_000);
	const partners = new Map((await partnerSummaries(ctx, institutionId, [...new Set(rows.map((r) => r.partnerId))])).map((p) => [p.id, p]));
	return rows.flatMap((r) => {
		const kinds = [...new Set(r.content.conditions.filter((c) => c.receivingHeiId === r.content.ours.heiId).map((c) => c.kind))];
		const partner = partners.get(r.partnerId)!;
		return kinds.map((kind) => ({ value: `${r.id}:${kind}`, agreementId: r.id, kind, partnerName: partner.name, partnerHeiId: partner.heiId }));
	});
}
