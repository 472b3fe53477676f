import { redirect } from '@sveltejs/kit';
import { authorizeInstitution } from '$lib/server/access/policy';
import { loadOrError, runForm } from '$lib/server/http';
import { getCatalogueService, saveCatalogueService } from '$lib/server/welcome/catalogue.service';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const row = await loadOrError(event, async () => {
		authorizeInstitution(event.locals.ctx.actor, 'welcome.configure', institution.id);
		return event.params.id === 'new' ? null : getCatalogueService(event.locals.ctx, institution.id, event.params.id);
	});
	return {
		service: row
			? { id: row.id, version: row.version, code: row.code, name: row.name, description: row.description, audiences: row.audiences, turnaroundDays: row.turnaroundDays, position: row.position, active: row.active, questions: row.questions, documents: row.documents }
			: { id: null, version: 0, code: '', name: {}, description: {}, audiences: ['student'], turnaroundDays: 5, position: 0, active: true, questions: [], documents: [] },
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const institution = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, (input) => saveCatalogueService(event.locals.ctx, institution.id, event.params.id === 'new' ? null : event.params.id, input));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${institution.slug}/services/${outcome.result.id}?saved`);
	}
};
