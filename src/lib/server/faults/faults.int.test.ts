import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, count, eq, like } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditEvent } from '../audit/audit.tables';
import type { RunningPlatform } from '../boot/platform';
import { contentRevision } from '../content/revisions.tables';
import { importBatch } from '../content/imports.tables';
import { seedGuides } from '../guides/guides.service';
import { issuedLetter } from '../letters/letters.tables';
import { verifyLetter } from '../letters/letters.service';
import { mailMessage } from '../mail/mail.tables';
import { applyProgrammeImport } from '../programmes/programme-import.service';
import { programme } from '../programmes/programmes.tables';
import { seedExchangeRates } from '../programmes/programmes.seed';
import { searchDocument } from '../search/search.tables';
import { formSubmission } from '../submissions/submissions.tables';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { databaseUrl as databaseOn } from '../testing/template';
import { saveCatalogueService } from '../welcome/catalogue.service';
import { caseDocument, caseEvent, welcomeCase } from '../welcome/cases.tables';
import { saveOwnProfile } from '../welcome/incoming.service';
import { openFaultPlatform, runFaultJob, type FaultJob } from './faults.testkit';

/**
 * kill -9 of the server in the middle of a write leaves no half-written record. A child process
 * (fault-child.testkit.ts) opens this file's database as a server does and runs a real service
 * call with a failpoint armed (platform/failpoints.ts): it sends itself SIGKILL inside the
 * transaction, after everything is written and before the commit. The test then opens the
 * database again — on PGlite that is PostgreSQL's crash recovery of the killed process's data
 * directory, on PostgreSQL the server has rolled back the dead connection's transaction —,
 * finds nothing of the write, and runs the same write again, which succeeds.
 */
const CHILD = fileURLToPath(new URL('./fault-child.testkit.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const PROGRAMME_ROWS = 2000;

const template = inject('testTemplate');
let dataDir: string;
let url: string | undefined;
let dropDatabase = async () => {};
let platform: RunningPlatform;
let setting: Awaited<ReturnType<typeof prepare>>;

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcome-faults-'));
	if (template.kind === 'postgres') {
		const name = `welcome_faults_${randomBytes(6).toString('hex')}`;
		const admin = postgres(template.serverUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name} template ${template.database}`);
		url = databaseOn(template.serverUrl, name);
		dropDatabase = async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		};
	}
	// PGlite: a data directory on disk (in dataDir/pglite), made from the migrated template.
	platform = await openFaultPlatform(dataDir, url, template.kind === 'pglite' ? new Blob([fs.readFileSync(template.file)]) : undefined);
	await seedGuides(platform);
	await seedExchangeRates(platform);
	setting = await prepare(platform);
});

afterAll(async () => {
	await platform?.close();
	await dropDatabase();
	if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** An institution with an editor and staff, an invitation-letter service, and an applicant whose first request is case 1. */
async function prepare(p: RunningPlatform) {
	const inst = await makeInstitution(p, { countryCode: 'KZ' });
	const admin = await contextFor(p, (await makeUser(p, { role: 'institution_admin', institutionId: inst.id })).id);
	const editor = await makeUser(p, { role: 'editor', institutionId: inst.id });
	const staff = await makeUser(p, { role: 'staff', institutionId: inst.id });
	const service = await saveCatalogueService(admin, inst.id, null, {
		code: 'invitation_letter',
		'name.en': 'Invitation letter',
		audiences: 'student',
		turnaroundDays: '5',
		position: '1',
		active: 'on',
		version: '0',
		'q.0.key': 'flight',
		'q.0.type': 'text',
		'q.0.required': 'on',
		'q.0.label.en': 'Flight',
		'd.0.key': 'passport',
		'd.0.required': 'on',
		'd.0.label.en': 'Passport scan'
	});
	const applicant = await makeUser(p, { locale: 'en' });
	await saveOwnProfile(
		await contextFor(p, applicant.id),
		{ kind: 'student', institution: inst.slug, nationality: 'DE', passportName: 'muster  erika', sex: 'F', dateOfBirth: '2003-04-05', placeOfBirth: 'BERLIN', homeAddress: 'Hauptstraße 1\r\n10115 Berlin', passportNumber: 'C01X00T47', passportIssuedOn: '2021-01-02', passportExpiry: '2031-01-01', stayStart: '2027-02-01', stayEnd: '2027-06-30', arrivalDate: '2027-01-25', housing: 'unknown', version: '0' },
		new Date('2026-11-28T00:00:00Z')
	);
	const first = await runFaultJob(p, { op: 'submit', userId: applicant.id, serviceId: service.id, submissionKey: randomUUID() });
	return { inst, editor, staff, service, applicant, first: first as typeof welcomeCase.$inferSelect };
}

/** Closes this process's platform, runs the job in a child that must die by SIGKILL at `failpoint`, and opens the database again. */
async function crashIn(failpoint: string, job: FaultJob) {
	await platform.close();
	const child = await runChild(failpoint, job);
	expect(child.signal, `the child should have died at ${failpoint}:\n${child.stdout}\n${child.stderr}`).toBe('SIGKILL');
	expect(child.stderr).toContain(`failpoint ${failpoint}: SIGKILL`);
	platform = await openFaultPlatform(dataDir, url);
}

function runChild(failpoint: string, job: FaultJob): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const env: NodeJS.ProcessEnv = { ...process.env, WELCOME_FAILPOINTS: failpoint };
		delete env.NODE_OPTIONS;
		const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, url ?? '', JSON.stringify(job)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		// A child that hangs is stopped with SIGTERM, which fails the signal assertion.
		const timer = setTimeout(() => child.kill('SIGTERM'), 90_000);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, stdout, stderr });
		});
	});
}

/** Uploaded files under cases/ in storage, as storage keys. */
function caseFilesOnDisk(): Set<string> {
	const root = path.join(platform.config.dataDir, 'media');
	const dir = path.join(root, 'cases');
	if (!fs.existsSync(dir)) return new Set();
	return new Set((fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join('cases', f)).filter((f) => fs.statSync(path.join(root, f)).isFile()));
}

/** Files no case document points to, and documents whose file is missing (there must be none). */
async function filesAndRecords() {
	const onDisk = caseFilesOnDisk();
	const recorded = new Set((await platform.db.select({ key: caseDocument.storageKey }).from(caseDocument)).map((r) => r.key));
	return { orphans: [...onDisk].filter((f) => !recorded.has(f)), missing: [...recorded].filter((k) => !onDisk.has(k)) };
}

const countOf = async (query: Promise<{ n: number }[]>) => Number((await query)[0]!.n);

describe('kill -9 of the server in the middle of a write', () => {
	it('during a programme import leaves no programme, revision or index entry, the checked batch still waiting, and the import then succeeds', async () => {
		const { inst, editor } = setting;
		await crashIn('programme-import.before-commit', { op: 'import', userId: editor.id, institutionId: inst.id, rows: PROGRAMME_ROWS });

		// The dry run committed before the kill: its batch is there, not applied.
		const batches = await platform.db.select().from(importBatch).where(eq(importBatch.institutionId, inst.id));
		expect(batches).toHaveLength(1);
		expect(batches[0]).toMatchObject({ appliedAt: null, creates: PROGRAMME_ROWS, updates: 0 });
		const written = async () => ({
			programmes: await countOf(platform.db.select({ n: count() }).from(programme).where(eq(programme.institutionId, inst.id))),
			revisions: await countOf(platform.db.select({ n: count() }).from(contentRevision).where(and(eq(contentRevision.institutionId, inst.id), eq(contentRevision.entityType, 'programme')))),
			indexed: await countOf(platform.db.select({ n: count() }).from(searchDocument).where(like(searchDocument.path, `/institutions/${inst.slug}/programmes/%`))),
			audited: await countOf(platform.db.select({ n: count() }).from(auditEvent).where(and(eq(auditEvent.institutionId, inst.id), eq(auditEvent.action, 'programme.import'))))
		});
		expect(await written()).toEqual({ programmes: 0, revisions: 0, indexed: 0, audited: 0 });

		// The editor presses "Import" again: the same batch goes in whole.
		const ctx = await contextFor(platform, editor.id);
		expect(await applyProgrammeImport(ctx, inst.id, batches[0]!.id, { publish: true })).toEqual({ created: PROGRAMME_ROWS, updated: 0, published: true });
		expect(await written()).toEqual({ programmes: PROGRAMME_ROWS, revisions: PROGRAMME_ROWS, indexed: PROGRAMME_ROWS, audited: 1 });
	});

	it('during a request submission leaves no case, and the same form then makes the next case number, once', async () => {
		const { inst, service, applicant, first } = setting;
		const mailsBefore = await countOf(platform.db.select({ n: count() }).from(mailMessage).where(eq(mailMessage.to, applicant.email)));
		const before = await filesAndRecords();
		const job: FaultJob = { op: 'submit', userId: applicant.id, serviceId: service.id, submissionKey: randomUUID() };
		await crashIn('welcome.submit.before-commit', job);

		const cases = await platform.db.select().from(welcomeCase).where(eq(welcomeCase.institutionId, inst.id));
		expect(cases.map((c) => c.number)).toEqual([first.number]);
		expect(await countOf(platform.db.select({ n: count() }).from(caseEvent).where(eq(caseEvent.caseId, first.id)))).toBe(1);
		expect(await countOf(platform.db.select({ n: count() }).from(auditEvent).where(and(eq(auditEvent.institutionId, inst.id), eq(auditEvent.action, 'case.submit'))))).toBe(1);
		expect(await countOf(platform.db.select({ n: count() }).from(mailMessage).where(eq(mailMessage.to, applicant.email)))).toBe(mailsBefore);
		// The passport scan was stored before the transaction: it stays behind as a file no record
		// points to (docs/operations.md, "Faults and recovery"). No record points to a missing file.
		const after = await filesAndRecords();
		expect(after.missing).toEqual([]);
		expect(after.orphans.filter((f) => !before.orphans.includes(f))).toHaveLength(1);

		// The applicant sends the same form again: it makes case 2 (no number lost), and only once.
		const again = (await runFaultJob(platform, job)) as typeof welcomeCase.$inferSelect;
		expect(again.number).toBe(first.number + 1);
		expect(((await runFaultJob(platform, job)) as typeof welcomeCase.$inferSelect).id).toBe(again.id);
		expect(await countOf(platform.db.select({ n: count() }).from(welcomeCase).where(eq(welcomeCase.institutionId, inst.id)))).toBe(2);
		expect((await filesAndRecords()).missing).toEqual([]);
	});

	it('during a letter issue leaves no letter and the case untouched, and the same form then issues it, once', async () => {
		const { inst, staff, applicant, first } = setting;
		const [caseBefore] = await platform.db.select().from(welcomeCase).where(eq(welcomeCase.id, first.id));
		const mailsBefore = await countOf(platform.db.select({ n: count() }).from(mailMessage).where(eq(mailMessage.to, applicant.email)));
		const before = await filesAndRecords();
		const job: FaultJob = { op: 'issue', userId: staff.id, institutionId: inst.id, caseId: first.id, submissionKey: randomUUID() };
		await crashIn('letters.issue.before-commit', job);

		expect(await countOf(platform.db.select({ n: count() }).from(issuedLetter).where(eq(issuedLetter.caseId, first.id)))).toBe(0);
		expect(await countOf(platform.db.select({ n: count() }).from(caseDocument).where(and(eq(caseDocument.caseId, first.id), eq(caseDocument.documentKey, 'letter'))))).toBe(0);
		const [caseAfter] = await platform.db.select().from(welcomeCase).where(eq(welcomeCase.id, first.id));
		expect(caseAfter).toEqual(caseBefore);
		expect((await platform.db.select({ kind: caseEvent.kind }).from(caseEvent).where(eq(caseEvent.caseId, first.id))).map((e) => e.kind)).toEqual(['submitted']);
		expect(await countOf(platform.db.select({ n: count() }).from(auditEvent).where(and(eq(auditEvent.institutionId, inst.id), eq(auditEvent.action, 'letter.issue'))))).toBe(0);
		expect(await countOf(platform.db.select({ n: count() }).from(formSubmission).where(eq(formSubmission.key, job.submissionKey)))).toBe(0);
		expect(await countOf(platform.db.select({ n: count() }).from(mailMessage).where(eq(mailMessage.to, applicant.email)))).toBe(mailsBefore);
		// The PDF was stored before the transaction: one file under the case that no record points to.
		const after = await filesAndRecords();
		expect(after.missing).toEqual([]);
		expect(after.orphans.filter((f) => !before.orphans.includes(f))).toEqual([expect.stringMatching(new RegExp(`^cases/${first.id}/[0-9a-f-]{36}\\.pdf$`))]);

		// Staff send the same form again: the key was not used up by the dead attempt.
		const letter = (await runFaultJob(platform, job)) as typeof issuedLetter.$inferSelect | null;
		expect(letter).not.toBeNull();
		expect(await verifyLetter(await contextFor(platform, null), letter!.code)).toMatchObject({ kind: 'invitation', revokedAt: null });
		expect(await runFaultJob(platform, job)).toBeNull();
		expect(await countOf(platform.db.select({ n: count() }).from(issuedLetter).where(eq(issuedLetter.caseId, first.id)))).toBe(1);
		const [issuedCase] = await platform.db.select().from(welcomeCase).where(eq(welcomeCase.id, first.id));
		expect(issuedCase!.status).toBe('in_progress');
		expect((await filesAndRecords()).missing).toEqual([]);
	});
});
