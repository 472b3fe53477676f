import { redirect, type RequestEvent } from '@sveltejs/kit';
import { countryName } from '$lib/i18n/format';
import { arrivalRuleInputFromForm, getArrivalRule, saveArrivalRule, setFactWithdrawn } from '$lib/server/guides/rules-editing.service';
import { authorizePlatform } from '$lib/server/access/policy';
import { loadOrError, runForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { code, id } = event.params;
	const row = await loadOrError(event, async () => {
		authorizePlatform(event.locals.ctx.actor, 'guides.edit');
		return id === 'new' ? null : getArrivalRule(event.locals.ctx, code, id);
	});
	return {
		country: { code: code.toUpperCase(), name: countryName(code.toUpperCase(), event.locals.locale) },
		isNew: !row,
		withdrawn: !!row?.withdrawnAt,
		version: row?.version ?? 0,
		values: row
			? { ...row, visaRoutes: (row.visaRoutes ?? []).join(', '), purposes: row.purposes ?? [], housing: row.housing ?? '' }
			: { title: {}, description: {}, anchor: 'arrival', unit: 'working_days', responsible: 'self', housing: '', purposes: [] },
		notice: event.url.searchParams.get('done')
	};
};

const back = (event: RequestEvent, id: string, done: string) => redirect(303, `/${event.locals.locale}/admin/countries/${event.params.code}/arrival/${id}?done=${done}`);

export const actions: Actions = {
	save: async (event) => {
		const outcome = await runForm(event, (input) => saveArrivalRule(event.locals.ctx, event.params.code, event.params.id === 'new' ? null : event.params.id, arrivalRuleInputFromForm(input)));
		if (!outcome.ok) return outcome.failure;
		back(event, outcome.result.id, 'saved');
	},
	withdraw: async (event) => {
		const outcome = await runForm(event, () => setFactWithdrawn(event.locals.ctx, event.params.code, 'arrival_rule', event.params.id, true));
		if (!outcome.ok) return outcome.failure;
		back(event, event.params.id, 'withdrawn');
	},
	restore: async (event) => {
		const outcome = await runForm(event, () => setFactWithdrawn(event.locals.ctx, event.params.code, 'arrival_rule', event.params.id, false));
		if (!outcome.ok) return outcome.failure;
		back(event, event.params.id, 'restored');
	}
};
