import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	const { workspaces } = await event.parent();
	if (workspaces.length === 1) redirect(303, `/${event.locals.locale}/workspace/${workspaces[0]!.slug}`);
};
