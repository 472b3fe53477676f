import { authorizeInstitution } from '$lib/server/access/policy';
import { loadOrError } from '$lib/server/http';
import { importActions } from '$lib/server/import-actions';
import { applyProgrammeImport, checkProgrammeImport } from '$lib/server/programmes/programme-import.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	await loadOrError(event, async () => authorizeInstitution(event.locals.ctx.actor, 'content.edit', institution.id));
	return {};
};

export const actions: Actions = importActions({
	check: checkProgrammeImport,
	apply: (ctx, institutionId, batchId, form) => applyProgrammeImport(ctx, institutionId, batchId, { publish: form.get('publish') === '1' }),
	list: 'programmes'
});
