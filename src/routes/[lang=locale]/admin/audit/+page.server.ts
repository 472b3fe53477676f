import { listAuditEvents } from '$lib/server/audit/audit.service';
import { loadOrError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await event.parent();
	const before = Number(event.url.searchParams.get('before')) || undefined;
	return loadOrError(event, () => listAuditEvents(event.locals.ctx, { before }));
};
