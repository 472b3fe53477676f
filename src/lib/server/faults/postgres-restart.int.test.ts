import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { seedGuides } from '../guides/guides.service';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { saveCatalogueService } from '../welcome/catalogue.service';
import { submitRequest } from '../welcome/cases.service';
import { welcomeCase } from '../welcome/cases.tables';
import { saveOwnProfile } from '../welcome/incoming.service';
import { GET as readyz } from '../../../routes/readyz/+server';
import { openFaultPlatform } from './faults.testkit';
import { postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from './postgres-server.testkit';

/**
 * PostgreSQL stopped and started again under a running platform: /readyz answers 503 while it is
 * down and 200 once it is back, without the platform being opened again (postgres.js connects
 * anew by itself), and every request whose submission was answered as done is in the database.
 * The test runs a PostgreSQL server of its own (it stops it), so it needs the server binaries:
 * it is skipped without them, and fails instead when REQUIRE_POSTGRES=1 (CI).
 */
const app = vi.hoisted(() => ({ platform: null as RunningPlatform | null }));
// The readiness route asks the server's one platform; here that is this test's.
vi.mock('$lib/server/app', () => ({
	getPlatform: async () => {
		if (!app.platform) throw new Error('no platform');
		return app.platform;
	}
}));

const bin = postgresBinDir();
const required = process.env.REQUIRE_POSTGRES === '1';
// It starts a server of its own, so it runs once: in the PostgreSQL pass of `npm test`.
const skipped = !process.env.TEST_DATABASE_URL ? 'runs in the PostgreSQL pass' : !bin && !required ? 'no PostgreSQL server binaries; apt-get install postgresql' : null;
const WRITERS = 3;
/** Each outage and recovery: at most this long (the brief's bound for readiness to come back). */
const RECOVERY_MS = 20_000;

let server: ThrowawayPostgres | undefined;
let dataDir: string | undefined;
afterAll(async () => {
	await app.platform?.close();
	await server?.remove();
	if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const ready = async () => (await readyz({} as Parameters<typeof readyz>[0])).status;

async function until(condition: () => boolean | Promise<boolean>, what: string, timeout = RECOVERY_MS) {
	const deadline = Date.now() + timeout;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
		await sleep(50);
	}
}

describe.skipIf(skipped !== null)(`PostgreSQL restarted under the running app${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
	it('makes /readyz answer 503, then 200 again without restarting the app, and loses no request the applicant was told had succeeded', { timeout: 120_000 }, async () => {
		if (!bin) throw new Error('REQUIRE_POSTGRES=1 but no PostgreSQL server binaries were found');
		server = await startThrowawayPostgres(bin);
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcome-restart-'));
		const platform = (app.platform = await openFaultPlatform(dataDir, server.url));
		await seedGuides(platform);
		const inst = await makeInstitution(platform, { countryCode: 'KZ' });
		const admin = await contextFor(platform, (await makeUser(platform, { role: 'institution_admin', institutionId: inst.id })).id);
		const service = await saveCatalogueService(admin, inst.id, null, { code: 'airport_pickup', 'name.en': 'Airport pickup', audiences: 'student', turnaroundDays: '3', position: '1', active: 'on', version: '0', 'q.0.key': 'flight', 'q.0.type': 'text', 'q.0.required': 'on', 'q.0.label.en': 'Flight' });
		const applicant = await makeUser(platform, { locale: 'en' });
		const me = await contextFor(platform, applicant.id);
		await saveOwnProfile(me, { kind: 'student', institution: inst.slug, nationality: 'DE', dateOfBirth: '2003-04-05', passportNumber: 'C01X00T47', passportExpiry: '2031-01-01', stayStart: '2027-02-01', stayEnd: '2027-06-30', arrivalDate: '2027-01-25', housing: 'unknown', version: '0' }, new Date('2026-11-28T00:00:00Z'));
		expect(await ready()).toBe(200);

		// Applicants keep submitting requests through the whole run; each answer is remembered.
		const told: { id: string; number: number }[] = [];
		let refused = 0;
		let running = true;
		const writer = async () => {
			while (running) {
				try {
					const created = await submitRequest(me, service.id, { submissionKey: randomUUID(), flight: 'KC 901' });
					told.push({ id: created.id, number: created.number });
				} catch {
					refused++;
					await sleep(25);
				}
			}
		};
		const writers = Array.from({ length: WRITERS }, writer);

		try {
			// A fast stop ends the sessions and rolls their transactions back; an immediate one is a
			// crash of the server: no checkpoint, WAL replayed at the next start.
			for (const mode of ['fast', 'immediate'] as const) {
				const before = told.length;
				await until(() => told.length >= before + 10, 'requests before the stop');
				await server.stop(mode);
				await expect(platform.database.ping()).rejects.toThrow();
				expect(await ready()).toBe(503);
				const refusedAtStop = refused;
				await until(() => refused > refusedAtStop, 'a refused request while the server is down');
				// While it is down, nobody is told their request went through.
				await sleep(300);
				const toldWhileDown = told.length;
				await sleep(500);
				expect(told.length).toBe(toldWhileDown);
				expect(await ready()).toBe(503);

				await server.start();
				await until(async () => (await ready()) === 200, `/readyz to answer 200 after a ${mode} stop`);
				await platform.database.ping();
				const after = told.length;
				await until(() => told.length >= after + 10, `requests to go through again after a ${mode} stop`);
			}
		} finally {
			running = false;
			await Promise.all(writers);
		}

		expect(refused).toBeGreaterThan(0);
		const stored = await platform.db.select({ id: welcomeCase.id, number: welcomeCase.number }).from(welcomeCase).where(eq(welcomeCase.institutionId, inst.id)).orderBy(asc(welcomeCase.number));
		const storedIds = new Set(stored.map((c) => c.id));
		expect(told.filter((c) => !storedIds.has(c.id))).toEqual([]);
		// Case numbers run without a gap or a repeat: a request that failed took none.
		expect(stored.map((c) => c.number)).toEqual(stored.map((_, i) => i + 1));
		// A request may have committed while its answer was lost with the connection: stored, never told.
		expect(stored.length).toBeGreaterThanOrEqual(told.length);
	});
});
