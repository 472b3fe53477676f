import { redirect } from '@sveltejs/kit';
import { acceptInvitation, acceptInvitationWithNewAccount, describeInvitation } from '$lib/server/institutions/members.service';
import { AppError } from '$lib/server/platform/errors';
import { runForm } from '$lib/server/http';
import { t } from '$lib/i18n/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		const invitation = await describeInvitation(locals.ctx, params.token);
		return {
			invitation,
			signedInAs: locals.user?.email ?? null,
			emailMatches: locals.user?.email.toLowerCase() === invitation.email,
			error: null
		};
	} catch (err) {
		if (!(err instanceof AppError)) throw err;
		return { invitation: null, signedInAs: locals.user?.email ?? null, emailMatches: false, error: t(err.messageKey, locals.locale) };
	}
};

export const actions: Actions = {
	accept: async (event) => {
		const outcome = await runForm(event, async () => {
			const inv = await describeInvitation(event.locals.ctx, event.params.token);
			await acceptInvitation(event.locals.ctx, event.params.token);
			return inv.institutionSlug;
		});
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${outcome.result}`);
	},
	register: async (event) => {
		const outcome = await runForm(event, (input) => acceptInvitationWithNewAccount(event.locals.ctx, event.params.token, input));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/sign-in?email=${encodeURIComponent(outcome.result.email)}&next=${encodeURIComponent(`/${event.locals.locale}/workspace`)}`);
	}
};
