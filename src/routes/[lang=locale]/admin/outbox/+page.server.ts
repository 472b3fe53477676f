import { listMail } from '$lib/server/mail/mail.service';
import { loadOrError } from '$lib/server/http';
import { timeParam } from '$lib/server/platform/query-params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await event.parent();
	const before = timeParam(event.url.searchParams.get('before'));
	return loadOrError(event, () => listMail(event.locals.ctx, { before }));
};
