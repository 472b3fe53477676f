import { fail } from '@sveltejs/kit';
import { formatDateTime } from '$lib/i18n/format';
import { loadOrError, runForm } from '$lib/server/http';
import { factsheetChangesSince, getFactsheetForEditing, updateFactsheet } from '$lib/server/institutions/factsheet-editing.service';
import { factsheetInputFromForm } from '$lib/server/institutions/factsheet.schemas';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const editing = await loadOrError(event, async () => {
		const inst = await getInstitutionForWorkspace(event.locals.ctx, event.params.slug);
		return getFactsheetForEditing(event.locals.ctx, inst.id);
	});
	return { ...editing, loadedAt: new Date().toISOString() };
};

export const actions: Actions = {
	default: async (event) => {
		const outcome = await runForm(event, async (input) => {
			const inst = await getInstitutionForWorkspace(event.locals.ctx, event.params.slug);
			return updateFactsheet(event.locals.ctx, inst.id, factsheetInputFromForm(input), input.version);
		});
		if (outcome.ok) return { saved: true };
		if (outcome.failure.status !== 409) return outcome.failure;
		// Someone saved first: show what they changed since this form was opened.
		const inst = await getInstitutionForWorkspace(event.locals.ctx, event.params.slug);
		const since = new Date(String(outcome.failure.data.values.loadedAt ?? ''));
		const conflict = await factsheetChangesSince(event.locals.ctx, inst.id, Number.isNaN(since.getTime()) ? new Date(0) : since);
		return fail(409, { ...outcome.failure.data, conflict: { ...conflict, at: conflict.at ? formatDateTime(conflict.at, event.locals.locale) : '' } });
	}
};
