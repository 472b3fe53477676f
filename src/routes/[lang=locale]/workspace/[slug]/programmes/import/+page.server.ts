import { fail, redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n/messages';
import { authorizeInstitution } from '$lib/server/access/policy';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { handleServiceError, loadOrError } from '$lib/server/http';
import { applyProgrammeImport, checkProgrammeImport } from '$lib/server/programmes/programme-import.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	await loadOrError(event, async () => authorizeInstitution(event.locals.ctx.actor, 'content.edit', institution.id));
	return {};
};

export const actions: Actions = {
	/** The dry run: reads the whole file, lists every problem, writes no programme. */
	check: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const form = await event.request.formData();
		const file = form.get('file');
		try {
			const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
			const check = await checkProgrammeImport(event.locals.ctx, inst.id, { bytes, name: file instanceof File ? file.name : null });
			const locale = event.locals.locale;
			return {
				check: {
					...check,
					fileName: file instanceof File ? file.name : '',
					errors: check.errors.slice(0, 500).map((e) => ({ row: e.row, column: e.column, value: e.value ?? '', message: t(e.messageKey, locale, { value: e.value ?? '' }) })),
					moreErrors: Math.max(0, check.errors.length - 500)
				}
			};
		} catch (err) {
			return handleServiceError(event, err);
		}
	},
	apply: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const form = await event.request.formData();
		let imported: number;
		try {
			const result = await applyProgrammeImport(event.locals.ctx, inst.id, String(form.get('batchId') ?? ''), { publish: form.get('publish') === '1' });
			imported = result.created + result.updated;
		} catch (err) {
			const failure = handleServiceError(event, err);
			return fail(failure.status, failure.data);
		}
		redirect(303, `/${event.locals.locale}/workspace/${inst.slug}/programmes?imported=${imported}`);
	}
};
