import { and, eq, gte, sql, type SQL } from 'drizzle-orm';
import { authorizeInstitution } from '../access/policy';
import type { ServiceContext } from '../platform/context';
import { welcomeCase } from './cases.tables';
import { institutionPlace } from './present';
import { isUuid } from '../platform/validation';

/**
 * How well a welcome centre serves, month by month (by the month a request arrived, in the
 * institution's time zone): requests, median time to the first response and to done, and the
 * share done by the promised date. The benchmarking indicator "immigration service time" is
 * read from here.
 */
export interface MonthFigures {
	month: string;
	submitted: number;
	answered: number;
	medianFirstResponseHours: number | null;
	done: number;
	declined: number;
	medianDoneDays: number | null;
	doneOnTime: number;
	/** Share of done requests done by their due date, 0–1 (null without any done). */
	onTimeShare: number | null;
}

export async function serviceFigures(ctx: ServiceContext, institutionId: string, query: { service?: string; months?: number } = {}, now = ctx.clock.now()): Promise<MonthFigures[]> {
	authorizeInstitution(ctx.actor, 'case.view', institutionId);
	const months = Math.min(Math.max(query.months ?? 12, 1), 36);
	const tz = (await institutionPlace(ctx, institutionId)).timeZone;
	const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1) - 14 * 3_600_000);
	const where: SQL[] = [eq(welcomeCase.institutionId, institutionId), gte(welcomeCase.submittedAt, from)];
	if (query.service && isUuid(query.service)) where.push(eq(welcomeCase.serviceId, query.service));
	const month = sql<string>`to_char(${welcomeCase.submittedAt} at time zone ${tz}, 'YYYY-MM')`;
	const rows = await ctx.db
		.select({
			month,
			submitted: sql<number>`count(*)::int`,
			answered: sql<number>`count(${welcomeCase.firstResponseAt})::int`,
			medianFirstResponseHours: sql<number | null>`(percentile_cont(0.5) within group (order by extract(epoch from ${welcomeCase.firstResponseAt} - ${welcomeCase.submittedAt})) filter (where ${welcomeCase.firstResponseAt} is not null)) / 3600`,
			done: sql<number>`(count(*) filter (where ${welcomeCase.status} = 'done'))::int`,
			declined: sql<number>`(count(*) filter (where ${welcomeCase.status} = 'declined'))::int`,
			medianDoneDays: sql<number | null>`(percentile_cont(0.5) within group (order by extract(epoch from ${welcomeCase.closedAt} - ${welcomeCase.submittedAt})) filter (where ${welcomeCase.status} = 'done')) / 86400`,
			doneOnTime: sql<number>`(count(*) filter (where ${welcomeCase.status} = 'done' and (${welcomeCase.closedAt} at time zone ${tz})::date <= ${welcomeCase.dueOn}))::int`
		})
		.from(welcomeCase)
		.where(and(...where))
		.groupBy(sql`1`)
		.orderBy(sql`1 desc`);
	const round = (v: number | null, digits: number) => (v === null || v === undefined ? null : Math.round(Number(v) * 10 ** digits) / 10 ** digits);
	return rows
		.filter((r) => r.month >= new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1)).toISOString().slice(0, 7))
		.map((r) => ({
			month: r.month,
			submitted: Number(r.submitted),
			answered: Number(r.answered),
			medianFirstResponseHours: round(r.medianFirstResponseHours, 1),
			done: Number(r.done),
			declined: Number(r.declined),
			medianDoneDays: round(r.medianDoneDays, 1),
			doneOnTime: Number(r.doneOnTime),
			onTimeShare: Number(r.done) ? Number(r.doneOnTime) / Number(r.done) : null
		}));
}
