import { redirect } from '@sveltejs/kit';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, runForm } from '$lib/server/http';
import { fromForm } from '$lib/server/partners/partners.schemas';
import { createPartner } from '$lib/server/partners/partners.service';
import { authorizeInstitution } from '$lib/server/access/policy';
import { countryOptions } from '../partner-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	await loadOrError(event, async () => authorizeInstitution(event.locals.ctx.actor, 'mobility.manage', institution.id));
	return { countries: countryOptions(event.locals.locale) };
};

export const actions: Actions = {
	default: async (event) => {
		const institution = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, (input, form) => createPartner(event.locals.ctx, institution.id, fromForm(input, form, ['name', 'city'])));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${event.params.slug}/partners/${outcome.result.id}?added=1`);
	}
};
