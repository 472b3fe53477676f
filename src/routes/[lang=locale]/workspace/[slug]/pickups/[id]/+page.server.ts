import { redirect } from '@sveltejs/kit';
import { authorizeInstitution } from '$lib/server/access/policy';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, runForm } from '$lib/server/http';
import { newSubmissionKey } from '$lib/server/submissions/submissions.service';
import { getSlot, saveSlot } from '$lib/server/welcome/pickups.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const ctx = event.locals.ctx;
	await loadOrError(event, async () => authorizeInstitution(ctx.actor, 'case.handle', institution.id));
	const isNew = event.params.id === 'new';
	const q = event.url.searchParams;
	const s = isNew ? null : await loadOrError(event, () => getSlot(ctx, institution.id, event.params.id));
	const values = s
		? { date: s.date, fromTime: s.fromTime, toTime: s.toTime, airport: s.airport, capacity: String(s.capacity), driver: s.driver, driverEmail: s.driverEmail ?? '', note: s.note, version: String(s.version) }
		: { date: q.get('date') ?? '', fromTime: q.get('from') ?? '', toTime: q.get('to') ?? '', airport: q.get('airport') ?? '', capacity: '4', driver: '', driverEmail: '', note: '', version: '0' };
	return { isNew, values, submissionKey: newSubmissionKey() };
};

export const actions: Actions = {
	default: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, (input) => saveSlot(event.locals.ctx, inst.id, event.params.id === 'new' ? null : event.params.id, input));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${inst.slug}/pickups?saved=1`);
	}
};
