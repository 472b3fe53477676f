import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGuides } from '../guides/guides.service';
import type { RunningPlatform } from '../boot/platform';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { getOwnProfile, saveOwnProfile } from './incoming.service';
import { incomingProfile } from './incoming.tables';
import { markStep, personalTimeline } from './timeline.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

const NOW = new Date('2026-11-28T12:00:00Z');

/** A person going to a Kazakh university; `purpose` is set as stored (null: a profile from before purposes). */
async function personGoingToKazakhstan(profile: { kind: string; nationality: string; arrivalDate: string; stayEnd: string; purpose: string | null }) {
	const inst = await makeInstitution(platform, { countryCode: 'KZ' });
	const user = await makeUser(platform);
	const me = await contextFor(platform, user.id);
	await saveOwnProfile(me, { kind: profile.kind, institution: inst.slug, nationality: profile.nationality, arrivalDate: profile.arrivalDate, stayEnd: profile.stayEnd, housing: 'off_campus', purpose: '', version: '0' }, NOW);
	await platform.db.update(incomingProfile).set({ purpose: profile.purpose }).where(eq(incomingProfile.userId, user.id));
	const timeline = async (now = NOW) => (await personalTimeline(me, await getOwnProfile(me), now))!;
	return { me, timeline };
}

describe('the person’s own timeline and the purpose of their stay', () => {
	it('plans a researcher without a purpose in the profile as research: the research visa, not the student one', async () => {
		const { timeline } = await personGoingToKazakhstan({ kind: 'researcher', nationality: 'IN', arrivalDate: '2027-09-01', stayEnd: '2028-06-30', purpose: null });
		const plan = await timeline();
		expect(plan.route?.code).toBe('academic');
		expect(plan.steps.some((s) => s.kind === 'rule' && s.code === 'enic_recognition')).toBe(false);
	});

	it('follows the purpose the person chose: a two-week visit needs no visa and no visa step', async () => {
		const { timeline } = await personGoingToKazakhstan({ kind: 'staff', nationality: 'DE', arrivalDate: '2027-09-01', stayEnd: '2027-09-15', purpose: 'short_visit' });
		const plan = await timeline();
		expect(plan.route?.code).toBe('visa_free_30');
		expect(plan.steps.some((s) => s.kind === 'visa_start')).toBe(false);
	});

	it('gives a two-year student the C9 renewal before the first year ends, ticked off on its own', async () => {
		const { me, timeline } = await personGoingToKazakhstan({ kind: 'student', nationality: 'IN', arrivalDate: '2027-08-30', stayEnd: '2029-06-30', purpose: 'study' });
		const renewal = (await timeline()).steps.find((s) => s.kind === 'rule' && s.ruleCode === 'c9_renewal')!;
		expect(renewal).toMatchObject({ code: 'c9_renewal.1', occurrence: 1, due: { date: '2028-07-31' }, state: 'upcoming' });
		await markStep(me, 'c9_renewal.1', true);
		expect((await timeline(new Date('2028-08-05T00:00:00Z'))).steps.find((s) => s.kind === 'rule' && s.code === 'c9_renewal.1')!.state).toBe('done');
	});
});
