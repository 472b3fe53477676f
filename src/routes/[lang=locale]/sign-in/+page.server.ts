import { redirect } from '@sveltejs/kit';
import { signIn } from '$lib/server/auth/accounts.service';
import { runForm, safeNext } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), home(locals.locale, locals.user.personKind), url.origin));
	return { next: url.searchParams.get('next') ?? '', reset: url.searchParams.has('reset'), email: url.searchParams.get('email') ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const outcome = await runForm(event, (input) =>
			signIn(event.locals.ctx, input, {
				address: event.getClientAddress(),
				headers: event.request.headers,
				cookies: event.cookies
			})
		);
		if (!outcome.ok) return outcome.failure;
		redirect(303, safeNext(event.url.searchParams.get('next'), home(event.locals.locale, outcome.result.personKind), event.url.origin));
	}
};

/** Where people land after signing in: incoming people in their welcome space, others on their account. */
const home = (locale: string, personKind: string | null) => (personKind ? `/${locale}/my` : `/${locale}/account`);
