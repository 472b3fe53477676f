import { redirect } from '@sveltejs/kit';
import { resetPassword } from '$lib/server/auth/accounts.service';
import { runForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
	default: async (event) => {
		const outcome = await runForm(event, (input) => resetPassword(event.locals.ctx, input));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/sign-in?reset=1`);
	}
};
