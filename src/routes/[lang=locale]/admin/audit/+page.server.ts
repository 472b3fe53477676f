import { listAuditEvents } from '$lib/server/audit/audit.service';
import { loadOrError } from '$lib/server/http';
import { wholeNumberParam } from '$lib/server/platform/query-params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await event.parent();
	const before = wholeNumberParam(event.url.searchParams.get('before'));
	return loadOrError(event, () => listAuditEvents(event.locals.ctx, { before }));
};
