import { requestPasswordReset } from '$lib/server/auth/accounts.service';
import { runForm } from '$lib/server/http';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const outcome = await runForm(event, (input) => requestPasswordReset(event.locals.ctx, input, { address: event.getClientAddress() }));
		if (!outcome.ok) return outcome.failure;
		return { sent: true };
	}
};
