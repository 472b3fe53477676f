import { and, desc, eq, gt, isNotNull, isNull, lt, ne, notInArray } from 'drizzle-orm';
import type { Platform } from '../platform/context';
import { isUniqueViolation } from '../platform/errors';
import { jobRun } from './jobs.tables';

/** A background job: what it does, and how often. `run` must be safe to repeat. */
export interface Job {
	name: string;
	everyMinutes: number;
	run(platform: Platform, now: Date): Promise<Record<string, number>>;
}

const registered: Job[] = [];

/** Modules register their jobs at boot (boot/registry.ts): the scheduler imports none of them. */
export function registerJob(job: Job) {
	if (!registered.some((j) => j.name === job.name)) registered.push(job);
}

/** Every background job the server runs. */
export const backgroundJobs = (): readonly Job[] => registered;

/** A run still marked running after this long died with its server: it no longer blocks. */
const STALE_MINUTES = 30;
/** Finished runs kept per job (the mail job runs every minute). */
const KEPT_RUNS = 100;

/**
 * Runs a job once, unless another run of it is in progress (on any server) or, when scheduled,
 * another server already ran it within its interval. Returns the run's result, or null when it
 * did not start.
 */
export async function runJob(platform: Platform, job: Job, trigger: 'schedule' | 'manual' = 'schedule', now = platform.clock.now()) {
	await platform.db
		.update(jobRun)
		.set({ finishedAt: new Date(), error: 'abandoned: its server stopped while it ran' })
		.where(and(eq(jobRun.job, job.name), isNull(jobRun.finishedAt), lt(jobRun.startedAt, new Date(Date.now() - STALE_MINUTES * 60_000))));
	let run: { id: string } | undefined;
	try {
		[run] = await platform.db.insert(jobRun).values({ job: job.name, trigger }).returning({ id: jobRun.id });
	} catch (err) {
		if (isUniqueViolation(err)) return null;
		throw err;
	}
	// Two servers (or workers) may both have found the job due; the unique index lets one run at a
	// time, so whoever claims second sees the first's finished run here and steps back.
	if (trigger === 'schedule' && (await ranWithin(platform, job, now, run!.id))) {
		await platform.db.delete(jobRun).where(eq(jobRun.id, run!.id));
		return null;
	}
	try {
		const result = await job.run(platform, now);
		await platform.db.update(jobRun).set({ finishedAt: new Date(), result }).where(eq(jobRun.id, run!.id));
		await pruneRuns(platform, job.name);
		return result;
	} catch (err) {
		platform.logger.error('job failed', { job: job.name, error: err });
		await platform.db.update(jobRun).set({ finishedAt: new Date(), error: String((err as Error).message ?? err).slice(0, 2000) }).where(eq(jobRun.id, run!.id));
		return null;
	}
}

async function ranWithin(platform: Platform, job: Job, now: Date, except: string) {
	const since = new Date(now.getTime() - job.everyMinutes * 60_000);
	const [other] = await platform.db
		.select({ id: jobRun.id })
		.from(jobRun)
		.where(and(eq(jobRun.job, job.name), ne(jobRun.id, except), isNotNull(jobRun.finishedAt), gt(jobRun.startedAt, since)))
		.limit(1);
	return Boolean(other);
}

/** Keeps the newest KEPT_RUNS finished runs of a job. */
async function pruneRuns(platform: Platform, name: string) {
	const newest = platform.db.select({ id: jobRun.id }).from(jobRun).where(eq(jobRun.job, name)).orderBy(desc(jobRun.startedAt)).limit(KEPT_RUNS);
	await platform.db.delete(jobRun).where(and(eq(jobRun.job, name), isNotNull(jobRun.finishedAt), notInArray(jobRun.id, newest)));
}

/** Whether the job's last finished run is older than its interval (or it never ran). */
export async function isDue(platform: Platform, job: Job, now = platform.clock.now()) {
	const [last] = await platform.db
		.select({ startedAt: jobRun.startedAt })
		.from(jobRun)
		.where(and(eq(jobRun.job, job.name), isNotNull(jobRun.finishedAt)))
		.orderBy(desc(jobRun.startedAt))
		.limit(1);
	return !last || now.getTime() - last.startedAt.getTime() >= job.everyMinutes * 60_000;
}

/**
 * Checks every minute which jobs are due and runs them, one after another. What is due comes
 * from the database, so a restart neither skips nor repeats work. Returns a stop function.
 */
export function startScheduler(platform: Platform, jobs: readonly Job[], tickMs = 60_000) {
	let busy = false;
	const tick = async () => {
		if (busy) return;
		busy = true;
		try {
			for (const job of jobs) if (await isDue(platform, job)) await runJob(platform, job);
		} catch (err) {
			platform.logger.error('scheduler tick failed', { error: err });
		} finally {
			busy = false;
		}
	};
	const first = setTimeout(tick, 5_000);
	const timer = setInterval(tick, tickMs);
	timer.unref();
	first.unref();
	return () => {
		clearTimeout(first);
		clearInterval(timer);
	};
}
