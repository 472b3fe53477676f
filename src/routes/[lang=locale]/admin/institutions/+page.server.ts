import { createInstitution, listInstitutions } from '$lib/server/institutions/institutions.service';
import { authorizePlatform } from '$lib/server/access/policy';
import { loadOrError, runForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await event.parent();
	await loadOrError(event, async () => authorizePlatform(event.locals.ctx.actor, 'platform.manage_institutions'));
	return { institutions: await listInstitutions(event.locals.ctx) };
};

export const actions: Actions = {
	default: async (event) => {
		const outcome = await runForm(event, (input) => createInstitution(event.locals.ctx, input));
		if (!outcome.ok) return outcome.failure;
		return { created: outcome.result.slug };
	}
};
