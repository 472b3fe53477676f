import { listInstitutions } from '$lib/server/institutions/institutions.service';
import { countryName } from '$lib/i18n/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	institutions: (await listInstitutions(locals.ctx)).map((i) => ({ ...i, country: countryName(i.countryCode, locals.locale) }))
});
