import { authorizeInstitution } from '$lib/server/access/policy';
import { applyCostImport, checkCostImport } from '$lib/server/costs/institution-costs.service';
import { loadOrError } from '$lib/server/http';
import { importActions } from '$lib/server/import-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	await loadOrError(event, async () => authorizeInstitution(event.locals.ctx.actor, 'content.edit', institution.id));
	return {};
};

export const actions: Actions = importActions({ check: checkCostImport, apply: (ctx, institutionId, batchId) => applyCostImport(ctx, institutionId, batchId), list: 'costs' });
