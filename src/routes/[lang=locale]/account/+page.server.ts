import { redirect } from '@sveltejs/kit';
import { updateOwnProfile } from '$lib/server/auth/accounts.service';
import { requireUser, runForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { profile: { name: user.name, email: user.email, locale: user.locale, personKind: user.personKind } };
};

export const actions: Actions = {
	default: async (event) => {
		requireUser(event);
		const outcome = await runForm(event, (input) => updateOwnProfile(event.locals.ctx, input));
		if (!outcome.ok) return outcome.failure;
		// Show the account page in the language just chosen.
		redirect(303, `/${outcome.result.locale}/account?saved=1`);
	}
};
