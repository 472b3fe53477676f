import { loadOrError } from '$lib/server/http';
import { getEvent } from '$lib/server/news/news.service';
import { presentEvent } from '$lib/server/news/present';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const e = await loadOrError(event, () => getEvent(event.locals.ctx, event.params.slug));
	return { event: presentEvent(e, event.locals.locale) };
};
