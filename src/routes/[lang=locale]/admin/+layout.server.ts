import { canPlatform, platformAbilities } from '$lib/server/access/policy';
import { notFound } from '$lib/server/platform/errors';
import { loadOrError, requireUser } from '$lib/server/http';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	requireUser(event);
	// Platform admins see every admin page; country editors only the country guides.
	const actor = event.locals.ctx.actor;
	await loadOrError(event, async () => {
		if (!canPlatform(actor, 'platform.manage_institutions') && !canPlatform(actor, 'guides.edit')) throw notFound();
	});
	return { adminCan: platformAbilities(actor) };
};
