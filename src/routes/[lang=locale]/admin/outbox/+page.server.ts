import { listMail } from '$lib/server/mail/mail.service';
import { loadOrError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await event.parent();
	const before = event.url.searchParams.get('before');
	return loadOrError(event, () => listMail(event.locals.ctx, { before: before ? new Date(before) : undefined }));
};
