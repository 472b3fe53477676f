import path from 'node:path';
import { startPlatform, type RunningPlatform } from '../boot/platform';
import { issueLetter } from '../letters/letters.service';
import { readConfig } from '../platform/config';
import { createLogger } from '../platform/logger';
import { applyProgrammeImport, checkProgrammeImport } from '../programmes/programme-import.service';
import { contextFor } from '../testing/factories';
import { submitRequest } from '../welcome/cases.service';
import { files, PDF } from '../welcome/welcome.testkit';

/**
 * What the fault tests (faults.int.test.ts) and the process they kill (fault-child.testkit.ts)
 * share: the platform's configuration on one data folder (PGlite in `<dataDir>/pglite`, uploads
 * in `<dataDir>/media`) or on a PostgreSQL database, and the three writes that are interrupted.
 */
export function faultConfig(dataDir: string, databaseUrl?: string) {
	return readConfig({
		NODE_ENV: 'test',
		ORIGIN: 'http://localhost:3999',
		AUTH_SECRET: 'test-secret-that-is-long-enough-0123456789',
		SEED_DEMO: 'false',
		LOG_LEVEL: 'error',
		DATA_DIR: dataDir,
		DATABASE_URL: databaseUrl
	});
}

export const faultLogger = () => createLogger('pretty', {}, 'error');

/** Opens the platform as a server would (migrations find nothing to do); `loadDataDir`: the first time only. */
export function openFaultPlatform(dataDir: string, databaseUrl?: string, loadDataDir?: Blob): Promise<RunningPlatform> {
	return startPlatform(faultConfig(dataDir, databaseUrl), { logger: faultLogger(), dataDir: path.join(dataDir, 'pglite'), loadDataDir });
}

/** One write, as the pages call it. */
export type FaultJob =
	/** The dry run of a programme file of `rows` rows (committed), then its import, published. */
	| { op: 'import'; userId: string; institutionId: string; rows: number }
	/** An applicant's request, with an answer and a passport scan. */
	| { op: 'submit'; userId: string; serviceId: string; submissionKey: string }
	/** A letter issued by staff from a case. */
	| { op: 'issue'; userId: string; institutionId: string; caseId: string; submissionKey: string };

const header = 'slug;level;isced;title_en;title_ru;languages;duration_months;tuition;currency;application_opens;application_deadline';
export const programmeFile = (rows: number) =>
	new TextEncoder().encode(
		[header, ...Array.from({ length: rows }, (_, i) => `fault-${i + 1};master;0613;Programme ${i + 1};Программа ${i + 1};en, ru;24;${1000 + i};EUR;2026-01-01;2099-06-30`)].join('\n')
	);

export async function runFaultJob(platform: RunningPlatform, job: FaultJob) {
	const ctx = await contextFor(platform, job.userId);
	switch (job.op) {
		case 'import': {
			const check = await checkProgrammeImport(ctx, job.institutionId, { bytes: programmeFile(job.rows), name: 'fault.csv' });
			if (!check.batchId) throw new Error(`the file did not check: ${JSON.stringify(check.errors.slice(0, 3))}`);
			return applyProgrammeImport(ctx, job.institutionId, check.batchId, { publish: true });
		}
		case 'submit':
			return submitRequest(ctx, job.serviceId, { submissionKey: job.submissionKey, flight: 'KC 901' }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }));
		case 'issue':
			return issueLetter(ctx, job.institutionId, job.caseId, { kind: 'invitation', locale: 'en', submissionKey: job.submissionKey });
	}
}
