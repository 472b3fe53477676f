import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGuides } from '../guides/guides.service';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { createTestPlatform } from '../testing/platform';
import { serviceFigures } from './case-figures.service';
import { welcomeCase } from './cases.tables';
import { submitRequest } from './cases.service';
import { files, PDF, welcomeSetting } from './welcome.testkit';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

describe('service figures', () => {
	it('give requests, median times to first response and to done, and the share on time, per month', async () => {
		const { inst, staff, pickup, me, other } = await welcomeSetting(platform).then(async (s) => ({ ...s, other: await welcomeSetting(platform) }));
		const at = (iso: string) => new Date(iso);
		// Three October requests: answered after 2, 4 and 30 hours; two done (one late), one declined.
		const plan = [
			{ submitted: '2026-10-05T04:00:00Z', first: '2026-10-05T06:00:00Z', closed: '2026-10-07T04:00:00Z', status: 'done', due: '2026-10-08' },
			{ submitted: '2026-10-12T04:00:00Z', first: '2026-10-12T08:00:00Z', closed: '2026-10-20T04:00:00Z', status: 'done', due: '2026-10-15' },
			{ submitted: '2026-10-20T04:00:00Z', first: '2026-10-21T10:00:00Z', closed: '2026-10-21T10:00:00Z', status: 'declined', due: '2026-10-23' },
			{ submitted: '2026-11-02T04:00:00Z', first: null, closed: null, status: 'submitted', due: '2026-11-05' }
		] as const;
		for (const p of plan) {
			const c = await submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 922' }, files({ 'doc.passport': { name: 'p.pdf', bytes: PDF } }));
			await platform.db
				.update(welcomeCase)
				.set({ submittedAt: at(p.submitted), firstResponseAt: p.first ? at(p.first) : null, closedAt: p.closed ? at(p.closed) : null, status: p.status, dueOn: p.due })
				.where(eq(welcomeCase.id, c.id));
		}
		const figures = await serviceFigures(staff, inst.id, {}, new Date('2026-11-28T12:00:00Z'));
		expect(figures).toEqual([
			{ month: '2026-11', submitted: 1, answered: 0, medianFirstResponseHours: null, done: 0, declined: 0, medianDoneDays: null, doneOnTime: 0, onTimeShare: null },
			{ month: '2026-10', submitted: 3, answered: 3, medianFirstResponseHours: 4, done: 2, declined: 1, medianDoneDays: 5, doneOnTime: 1, onTimeShare: 0.5 }
		]);
		expect(await serviceFigures(staff, inst.id, { service: crypto.randomUUID() }, new Date('2026-11-28T12:00:00Z'))).toEqual([]);
		expect((await failure(serviceFigures(other.staff, inst.id))).status).toBe(404);
	});
});
