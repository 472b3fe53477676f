import { redirect } from '@sveltejs/kit';
import { authorizeInstitution } from '$lib/server/access/policy';
import { saveInstitutionCost } from '$lib/server/costs/institution-costs.service';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, runForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	await loadOrError(event, async () => authorizeInstitution(event.locals.ctx.actor, 'content.edit', institution.id));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, (input) => saveInstitutionCost(event.locals.ctx, inst.id, null, input));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${inst.slug}/costs`);
	}
};
