import { authorizePlatform } from '$lib/server/access/policy';
import { loadOrError, requireUser } from '$lib/server/http';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	requireUser(event);
	await loadOrError(event, async () => authorizePlatform(event.locals.ctx.actor, 'platform.manage_institutions'));
};
