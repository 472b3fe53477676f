import { desc, eq } from 'drizzle-orm';
import { authorizePlatform } from '../access/policy';
import { recordAudit } from '../audit/audit.service';
import type { ServiceContext } from '../platform/context';
import { invalidInput } from '../platform/errors';
import { backgroundJobs, runJob } from './jobs';
import { jobRun } from './jobs.tables';

/** Platform admins: each background job with its recent runs. */
export async function listJobs(ctx: ServiceContext) {
	authorizePlatform(ctx.actor, 'platform.run_jobs');
	return Promise.all(
		backgroundJobs().map(async (job) => ({
			name: job.name,
			everyMinutes: job.everyMinutes,
			runs: await ctx.db.select().from(jobRun).where(eq(jobRun.job, job.name)).orderBy(desc(jobRun.startedAt)).limit(10)
		}))
	);
}

/** Runs a job now (it still never runs twice at once); the request is audited. */
export async function runJobNow(ctx: ServiceContext, name: string) {
	authorizePlatform(ctx.actor, 'platform.run_jobs');
	const job = backgroundJobs().find((j) => j.name === name);
	if (!job) throw invalidInput({ job: 'error_choose_one' });
	await recordAudit(ctx, { entityType: 'job', entityId: job.name, action: 'job.run' });
	const result = await runJob(ctx, job, 'manual');
	if (!result) throw invalidInput({ job: 'error_job_running' }, 'error_job_running');
	return result;
}
