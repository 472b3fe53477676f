import { error, redirect } from '@sveltejs/kit';
import { completeSetup, isSetupOpen } from '$lib/server/auth/users.service';
import { runForm } from '$lib/server/http';
import { t } from '$lib/i18n/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!(await isSetupOpen(locals.ctx, params.token))) error(404, t('error_token_invalid', locals.locale));
};

export const actions: Actions = {
	default: async (event) => {
		const outcome = await runForm(event, (input) => completeSetup(event.locals.ctx, event.params.token, input));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/sign-in?email=${encodeURIComponent(outcome.result.email)}&next=${encodeURIComponent(`/${event.locals.locale}/admin`)}`);
	}
};
