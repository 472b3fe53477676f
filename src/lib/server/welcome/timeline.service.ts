import { and, eq } from 'drizzle-orm';
import { stayPurpose } from '$lib/welcome/stay-purpose';
import { daysBetween } from '../guides/deadlines';
import { plannedInstitutionById, planArrivalAt, plannerSchema, todayIn } from '../guides/planner.service';
import type { ServiceContext } from '../platform/context';
import { invalidInput } from '../platform/errors';
import { parseInput } from '../platform/validation';
import { getOwnProfile, requireSignedIn, type IncomingProfile } from './incoming.service';
import { timelineStepDone } from './incoming.tables';
import { stepState } from './timeline';

/** A stay without an end date is planned as an academic year. */
const DEFAULT_STAY_DAYS = 300;

/** The code a step is marked done by: the rule's code (with the year for a yearly step), or the step's kind (visa_start). */
export const stepCode = (step: { kind: string; code?: string }) => (step.kind === 'rule' ? step.code! : step.kind);

/**
 * The person's own arrival timeline: the destination country's visa and arrival rules applied to
 * their dates and the purpose of their stay (the one in the profile, else the one their kind
 * suggests: $lib/welcome/stay-purpose.ts), each step with its state. Null until the profile has a
 * destination, nationality and arrival date.
 */
export async function personalTimeline(ctx: ServiceContext, profile: IncomingProfile, now = ctx.clock.now()) {
	if (!profile.institutionId || !profile.nationality || !profile.arrivalDate) return null;
	const dest = await plannedInstitutionById(ctx, profile.institutionId);
	if (!dest) return null;
	const stay = profile.stayEnd ? Math.max(1, daysBetween(profile.arrivalDate, profile.stayEnd)) : DEFAULT_STAY_DAYS;
	const input = parseInput(plannerSchema, {
		institution: dest.slug,
		nationality: profile.nationality,
		stay: String(stay),
		arrival: profile.arrivalDate,
		time: profile.arrivalTime ?? '',
		housing: profile.housing,
		purpose: stayPurpose(profile)
	});
	const [plan, doneRows] = await Promise.all([
		planArrivalAt(ctx, input, dest),
		ctx.db.select({ code: timelineStepDone.stepCode }).from(timelineStepDone).where(eq(timelineStepDone.userId, profile.userId))
	]);
	const today = todayIn(plan.guide?.timeZone ?? 'UTC', now);
	const done = new Set(doneRows.map((r) => r.code));
	const steps = plan.steps.map((step) => {
		const trackable = step.kind === 'rule' || step.kind === 'visa_start';
		return { ...step, trackable, state: trackable ? stepState(step.due.date, today, done.has(stepCode(step))) : null };
	});
	return { ...plan, steps, today };
}

/** The welcome-centre service (by its code, the same in every catalogue) whose request is the start of the visa application. */
export const INVITATION_SERVICE_CODE = 'invitation_letter';

/** Ticks "start the visa application" off for a person (asking for the invitation letter is that start), in the caller's transaction. */
export async function markVisaApplicationStarted(ctx: ServiceContext, userId: string) {
	await ctx.db.insert(timelineStepDone).values({ userId, stepCode: stepCode({ kind: 'visa_start' }) }).onConflictDoNothing();
}

/** Marks a step of the person's own timeline done or not done. */
export async function markStep(ctx: ServiceContext, code: string, done: boolean) {
	const actor = requireSignedIn(ctx);
	const timeline = await personalTimeline(ctx, await getOwnProfile(ctx));
	if (!timeline?.steps.some((s) => s.trackable && stepCode(s) === code)) throw invalidInput({ step: 'error_choose_one' });
	if (done) await ctx.db.insert(timelineStepDone).values({ userId: actor.userId, stepCode: code }).onConflictDoNothing();
	else await ctx.db.delete(timelineStepDone).where(and(eq(timelineStepDone.userId, actor.userId), eq(timelineStepDone.stepCode, code)));
}
