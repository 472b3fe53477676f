import { getMail } from '$lib/server/mail/mail.service';
import { loadOrError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await event.parent();
	const message = await loadOrError(event, () => getMail(event.locals.ctx, event.params.id));
	return { message: { ...message, links: [...message.text.matchAll(/https?:\/\/\S+/g)].map((x) => x[0]) } };
};
