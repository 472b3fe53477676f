import { redirect, type RequestEvent } from '@sveltejs/kit';
import { countryName } from '$lib/i18n/format';
import { documentsToText, getVisaRoute, saveVisaRoute, setFactWithdrawn, visaRouteInputFromForm } from '$lib/server/guides/rules-editing.service';
import { authorizePlatform } from '$lib/server/access/policy';
import { loadOrError, runForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { code, id } = event.params;
	const row = await loadOrError(event, async () => {
		authorizePlatform(event.locals.ctx.actor, 'guides.edit');
		return id === 'new' ? null : getVisaRoute(event.locals.ctx, code, id);
	});
	return {
		country: { code: code.toUpperCase(), name: countryName(code.toUpperCase(), event.locals.locale) },
		isNew: !row,
		withdrawn: !!row?.withdrawnAt,
		version: row?.version ?? 0,
		values: row
			? {
					...row,
					nationalities: (row.nationalities ?? []).join(', '),
					excludedNationalities: row.excludedNationalities.join(', '),
					purposes: row.purposes ?? [],
					documents: documentsToText(row.documents)
				}
			: { visaFree: false, purposes: [], name: {}, description: {}, documents: {} },
		notice: event.url.searchParams.get('done')
	};
};

const back = (event: RequestEvent, id: string, done: string) => redirect(303, `/${event.locals.locale}/admin/countries/${event.params.code}/visa/${id}?done=${done}`);

export const actions: Actions = {
	save: async (event) => {
		const outcome = await runForm(event, (input) => saveVisaRoute(event.locals.ctx, event.params.code, event.params.id === 'new' ? null : event.params.id, visaRouteInputFromForm(input)));
		if (!outcome.ok) return outcome.failure;
		back(event, outcome.result.id, 'saved');
	},
	withdraw: async (event) => {
		const outcome = await runForm(event, () => setFactWithdrawn(event.locals.ctx, event.params.code, 'visa_route', event.params.id, true));
		if (!outcome.ok) return outcome.failure;
		back(event, event.params.id, 'withdrawn');
	},
	restore: async (event) => {
		const outcome = await runForm(event, () => setFactWithdrawn(event.locals.ctx, event.params.code, 'visa_route', event.params.id, false));
		if (!outcome.ok) return outcome.failure;
		back(event, event.params.id, 'restored');
	}
};
