import { platformAbilities } from '$lib/server/access/policy';
import { listMyWorkspaces } from '$lib/server/institutions/workspaces.service';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const { user, ctx } = locals;
	return {
		locale: locals.locale,
		user: user && { name: user.name, email: user.email },
		can: platformAbilities(ctx.actor),
		workspaces: user ? await listMyWorkspaces(ctx) : []
	};
};
