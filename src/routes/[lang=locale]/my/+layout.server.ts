import { requireUser } from '$lib/server/http';
import type { LayoutServerLoad } from './$types';

/** The incoming person's own space: signed-in people only. */
export const load: LayoutServerLoad = (event) => {
	requireUser(event);
	return {};
};
