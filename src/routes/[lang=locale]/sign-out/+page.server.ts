import { redirect } from '@sveltejs/kit';
import { signOut } from '$lib/server/auth/accounts.service';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ locals, request, cookies }) => {
		await signOut(locals.ctx, request.headers, cookies);
		redirect(303, `/${locals.locale}`);
	}
};
