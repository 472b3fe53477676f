import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGuides } from '../guides/guides.service';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { contextFor, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { contentFromForm } from '../agreements/agreement-form';
import { approveAgreement, createAgreement, recordPartnerApproval, terminateAgreement } from '../agreements/agreements.service';
import { agreementFields, makeOffice } from '../agreements/agreements.testing';
import { conditionQuotas, exchangesUnder } from '../agreements/quota';
import { saveOwnProfile } from './incoming.service';
import { agreementUsage, incomingAgreementOf, linkIncomingAgreement } from './incoming-agreement.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

const NOW = new Date('2026-11-28T12:00:00Z');

async function incoming(slug: string, stayStart: string) {
	const person = await makeUser(platform);
	const ctx = await contextFor(platform, person.id);
	await saveOwnProfile(ctx, { kind: 'staff', purpose: 'teaching', institution: slug, nationality: 'es', dateOfBirth: '1980-05-01', stayStart, stayEnd: '2027-12-20', housing: 'unknown', interests: '', version: '0' }, NOW);
	return { person, ctx };
}

describe('incoming people under an agreement', () => {
	it('links people to an agreement’s incoming condition, counts them per academic year against its quota, and then refuses termination', async () => {
		const { inst, ctx, partner, ourHei, theirHei } = await makeOffice(platform);
		// Condition 0: teaching staff coming to us, 2 a year from 2025/2026 to 2028/2029; condition 1: students going out.
		const a = await createAgreement(ctx, inst.id, partner.id, { kind: 'erasmus', content: contentFromForm(agreementFields(), ourHei, theirHei) });
		const [anna, boris, chen] = [await incoming(inst.slug, '2026-10-01'), await incoming(inst.slug, '2027-03-01'), await incoming(inst.slug, '2027-09-15')];

		// Only the institution's own agreements' incoming conditions can be chosen.
		expect((await failure(linkIncomingAgreement(ctx, inst.id, anna.person.id, `${a.id}:student-studies`))).fields).toEqual({ agreement: 'error_choose_one' });
		for (const p of [anna, boris, chen]) await linkIncomingAgreement(ctx, inst.id, p.person.id, `${a.id}:staff-teacher`);
		expect(await incomingAgreementOf(ctx, inst.id, anna.person.id)).toBe(`${a.id}:staff-teacher`);

		const usage = await agreementUsage(ctx, inst.id, a.id);
		expect(conditionQuotas(a.content, usage)[0]).toEqual([
			{ year: '2025/2026', used: 0, quota: 2, over: false },
			{ year: '2026/2027', used: 2, quota: 2, over: false },
			{ year: '2027/2028', used: 1, quota: 2, over: false },
			{ year: '2028/2029', used: 0, quota: 2, over: false }
		]);

		// Another institution's staff cannot link, nor read the use; unlinking takes the person off the count.
		const other = await makeOffice(platform);
		expect((await failure(linkIncomingAgreement(other.ctx, inst.id, anna.person.id, ''))).status).toBe(404);
		expect((await failure(linkIncomingAgreement(other.ctx, other.inst.id, anna.person.id, ''))).status).toBe(404);
		await linkIncomingAgreement(ctx, inst.id, chen.person.id, '');
		expect(exchangesUnder(await agreementUsage(ctx, inst.id, a.id))).toBe(2);

		// IIA v7: after exchanges, an approved agreement is modified, not terminated as a whole.
		await approveAgreement(ctx, inst.id, a.id, { version: 1 });
		await recordPartnerApproval(ctx, inst.id, a.id, { version: 1 });
		const refused = await failure(terminateAgreement(ctx, inst.id, a.id, { version: 1 }, exchangesUnder(await agreementUsage(ctx, inst.id, a.id))));
		expect(refused.messageKey).toBe('error_terminate_after_exchanges');
	});
});
