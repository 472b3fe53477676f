import { loadOrError, runForm } from '$lib/server/http';
import { listJobs, runJobNow } from '$lib/server/jobs/jobs.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await event.parent();
	return { jobs: await loadOrError(event, () => listJobs(event.locals.ctx)) };
};

export const actions: Actions = {
	run: async (event) => {
		const outcome = await runForm(event, (input) => runJobNow(event.locals.ctx, input.job ?? ''));
		if (!outcome.ok) return outcome.failure;
		return { result: outcome.result };
	}
};
