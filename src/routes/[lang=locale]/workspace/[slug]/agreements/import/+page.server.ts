import { authorizeInstitution } from '$lib/server/access/policy';
import { applyAgreementImport, checkAgreementImport } from '$lib/server/agreements/agreement-import';
import { loadOrError } from '$lib/server/http';
import { importActions } from '$lib/server/import-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	await loadOrError(event, async () => authorizeInstitution(event.locals.ctx.actor, 'mobility.manage', institution.id));
	return {};
};

export const actions: Actions = importActions({ check: checkAgreementImport, apply: (ctx, institutionId, batchId) => applyAgreementImport(ctx, institutionId, batchId), list: 'agreements' });
