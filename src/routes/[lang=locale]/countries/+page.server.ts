import { countryName } from '$lib/i18n/format';
import { listGuides } from '$lib/server/guides/guides.service';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => ({
	guides: (await listGuides(locals.ctx)).map((g) => ({ ...g, country: countryName(g.countryCode, locals.locale) }))
});
