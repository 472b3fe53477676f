import { resendVerification, verifyEmail } from '$lib/server/auth/accounts.service';
import { AppError } from '$lib/server/platform/errors';
import { runForm } from '$lib/server/http';
import { t } from '$lib/i18n/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	try {
		const outcome = await verifyEmail(locals.ctx, url.searchParams.get('token') ?? '');
		return { outcome, error: null };
	} catch (err) {
		if (!(err instanceof AppError)) throw err;
		return { outcome: null, error: t(err.messageKey, locals.locale) };
	}
};

export const actions: Actions = {
	resend: async (event) => {
		const outcome = await runForm(event, (input) => resendVerification(event.locals.ctx, input, { address: event.getClientAddress() }));
		if (!outcome.ok) return outcome.failure;
		return { resent: true };
	}
};
