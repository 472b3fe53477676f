import { changeMemberRole, inviteMember, listMembers, removeMember, revokeInvitation } from '$lib/server/institutions/members.service';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, runForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	return loadOrError(event, () => listMembers(event.locals.ctx, institution.id));
};

async function institutionId(event: Parameters<Actions[string]>[0]) {
	return (await getInstitutionForWorkspace(event.locals.ctx, event.params.slug!)).id;
}

export const actions: Actions = {
	invite: async (event) => {
		const outcome = await runForm(event, async (input) => inviteMember(event.locals.ctx, await institutionId(event), input));
		if (!outcome.ok) return outcome.failure;
		return { invited: outcome.result.email };
	},
	role: async (event) => {
		const outcome = await runForm(event, async (input) => changeMemberRole(event.locals.ctx, await institutionId(event), input));
		if (!outcome.ok) return outcome.failure;
		return { saved: true };
	},
	remove: async (event) => {
		const outcome = await runForm(event, async (input) => removeMember(event.locals.ctx, await institutionId(event), input.membershipId ?? ''));
		if (!outcome.ok) return outcome.failure;
		return { removed: true };
	},
	revoke: async (event) => {
		const outcome = await runForm(event, async (input) => revokeInvitation(event.locals.ctx, await institutionId(event), input.invitationId ?? ''));
		if (!outcome.ok) return outcome.failure;
		return { revoked: true };
	}
};
