import { redirect } from '@sveltejs/kit';
import { deleteInstitutionCost, getInstitutionCost, saveInstitutionCost } from '$lib/server/costs/institution-costs.service';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, runForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const item = await loadOrError(event, () => getInstitutionCost(event.locals.ctx, institution.id, event.params.id));
	return {
		item: {
			id: item.id,
			version: item.version,
			values: { category: item.category, period: item.period, low: item.low, typical: item.typical, high: item.high, currency: item.currency, note: item.note, source_url: item.sourceUrl, verified_on: item.verifiedOn },
			sourceLocale: item.sourceLocale,
			translateOnly: item.translateOnly
		},
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, (input) => saveInstitutionCost(event.locals.ctx, inst.id, event.params.id, input, input.version));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${inst.slug}/costs/${event.params.id}?saved`);
	},
	delete: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, () => deleteInstitutionCost(event.locals.ctx, inst.id, event.params.id));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${inst.slug}/costs?deleted`);
	}
};
