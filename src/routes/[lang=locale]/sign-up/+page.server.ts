import { redirect } from '@sveltejs/kit';
import { signUp } from '$lib/server/auth/accounts.service';
import { runForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, `/${locals.locale}/account`);
};

export const actions: Actions = {
	default: async (event) => {
		const outcome = await runForm(event, (input) => signUp(event.locals.ctx, { ...input, locale: event.locals.locale }));
		if (!outcome.ok) return outcome.failure;
		return { sentTo: outcome.result.email };
	}
};
