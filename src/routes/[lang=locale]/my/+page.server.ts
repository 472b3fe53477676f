import { formatDate } from '$lib/i18n/format';
import { runForm, loadOrError } from '$lib/server/http';
import { institutionOption, institutionOptionOf } from '$lib/server/welcome/present';
import { myCases, requestableServices } from '$lib/server/welcome/cases.service';
import { markStep, personalTimeline } from '$lib/server/welcome/timeline.service';
import { myBuddy } from '$lib/server/welcome/buddies.service';
import { languageName } from '$lib/i18n/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = event.locals.ctx;
	const locale = event.locals.locale;
	const { profile, services } = await loadOrError(event, () => requestableServices(ctx));
	const [timeline, cases, buddy] = await Promise.all([loadOrError(event, () => personalTimeline(ctx, profile)), myCases(ctx), myBuddy(ctx)]);
	// The timeline has read the destination already; without one (an incomplete profile), read it.
	const destination = timeline ? institutionOptionOf(timeline.institution, locale) : await institutionOption(ctx, profile.institutionId, locale);
	return {
		profile: { saved: profile.version > 0, arrivalDate: profile.arrivalDate, kind: profile.kind, complete: !!(profile.institutionId && profile.nationality && profile.arrivalDate) },
		destination,
		buddy: buddy && { ...buddy, languages: buddy.languages.map((c) => languageName(c, locale)).join(', ') },
		timeline: timeline && {
			steps: timeline.steps,
			route: timeline.route ? { name: timeline.route.name } : null,
			hasRoutes: timeline.hasRoutes,
			purpose: timeline.input.purpose,
			countryCode: timeline.institution.countryCode,
			dates: Object.fromEntries(timeline.steps.map((s) => [s.due.date, formatDate(s.due.date, locale, 'long')])),
			arrivalInPast: timeline.arrivalInPast
		},
		services: services.map((s) => ({ id: s.id, name: s.name, description: s.description, turnaroundDays: s.turnaroundDays })),
		cases: cases.map((c) => ({ ...c, dueText: formatDate(c.dueOn, locale), submittedText: formatDate(c.submittedAt, locale) }))
	};
};

export const actions: Actions = {
	/** Marks a step of the timeline done or not done. */
	step: async (event) => {
		const outcome = await runForm(event, (input) => markStep(event.locals.ctx, input.step ?? '', input.done === '1'));
		if (!outcome.ok) return outcome.failure;
		return { stepSaved: true };
	}
};
