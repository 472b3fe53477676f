import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Every run of a background job. A run without `finishedAt` is in progress: the partial unique
 * index lets only one run of a job at a time, across every server sharing the database. The
 * last finished run tells a restarted server when the job is next due.
 */
export const jobRun = pgTable(
	'job_run',
	{
		id: uuid().primaryKey().defaultRandom(),
		job: text().notNull(),
		startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp({ withTimezone: true }),
		/** 'manual' when an admin asked for it, otherwise 'schedule'. */
		trigger: text().notNull().default('schedule'),
		result: jsonb().$type<Record<string, number>>().notNull().default({}),
		error: text()
	},
	(t) => [uniqueIndex('job_run_one_running_uq').on(t.job).where(sql`finished_at is null`), index('job_run_job_started_idx').on(t.job, t.startedAt)]
);
