import { pageWindow } from '$lib/pagination';
import { countInstitutionsByCountry, createInstitution, listInstitutions } from '$lib/server/institutions/institutions.service';
import { authorizePlatform } from '$lib/server/access/policy';
import { loadOrError, runForm } from '$lib/server/http';
import { wholeNumberParam } from '$lib/server/platform/query-params';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await event.parent();
	await loadOrError(event, async () => authorizePlatform(event.locals.ctx.actor, 'platform.manage_institutions'));
	const total = (await countInstitutionsByCountry(event.locals.ctx)).reduce((sum, c) => sum + c.n, 0);
	const { offset, ...pages } = pageWindow(total, { page: wholeNumberParam(event.url.searchParams.get('page')) }, { pageSize: 100 });
	return { institutions: await listInstitutions(event.locals.ctx, { limit: pages.pageSize, offset }), pages: { ...pages, total } };
};

export const actions: Actions = {
	default: async (event) => {
		const outcome = await runForm(event, (input) => createInstitution(event.locals.ctx, input));
		if (!outcome.ok) return outcome.failure;
		return { created: outcome.result.slug };
	}
};
