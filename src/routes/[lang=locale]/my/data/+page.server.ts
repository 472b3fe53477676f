import { redirect } from '@sveltejs/kit';
import { runForm } from '$lib/server/http';
import { deleteOwnAccount } from '$lib/server/welcome/privacy.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ retentionDays: locals.ctx.config.personalDataRetentionDays, isStaff: !!(locals.ctx.actor?.memberships.size || locals.ctx.actor?.platformRole) });

export const actions: Actions = {
	/** Erases the person's data and account, then signs them out. */
	delete: async (event) => {
		const outcome = await runForm(event, (input) => deleteOwnAccount(event.locals.ctx, input));
		if (!outcome.ok) return outcome.failure;
		for (const name of Object.keys(Object.fromEntries(event.cookies.getAll().map((c) => [c.name, c.value])))) if (name.includes('session')) event.cookies.delete(name, { path: '/' });
		redirect(303, `/${event.locals.locale}?deleted=1`);
	}
};
