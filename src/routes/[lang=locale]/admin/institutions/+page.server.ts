import { createInstitution, listInstitutions } from '$lib/server/institutions/institutions.service';
import { runForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	await parent();
	return { institutions: await listInstitutions(locals.ctx) };
};

export const actions: Actions = {
	default: async (event) => {
		const outcome = await runForm(event, (input) => createInstitution(event.locals.ctx, input));
		if (!outcome.ok) return outcome.failure;
		return { created: outcome.result.slug };
	}
};
