import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { adminCan } = await parent();
	redirect(303, `/${locals.locale}/admin/${adminCan['platform.manage_institutions'] ? 'institutions' : 'countries'}`);
};
