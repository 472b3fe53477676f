import { listUsers, setPlatformRole } from '$lib/server/auth/users.service';
import { loadOrError, runForm } from '$lib/server/http';
import { wholeNumberParam } from '$lib/server/platform/query-params';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await event.parent();
	const query = event.url.searchParams.get('q') ?? '';
	const page = wholeNumberParam(event.url.searchParams.get('page'), 1, 100_000) ?? 1;
	return { query, ...(await loadOrError(event, () => listUsers(event.locals.ctx, { query, page }))) };
};

export const actions: Actions = {
	role: async (event) => {
		const outcome = await runForm(event, (input) => setPlatformRole(event.locals.ctx, input));
		if (!outcome.ok) return outcome.failure;
		return { saved: true };
	}
};
