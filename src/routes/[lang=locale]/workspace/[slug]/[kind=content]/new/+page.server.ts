import type { ContentKind } from '$lib/content-kinds';
import { redirect } from '@sveltejs/kit';
import { authorizeInstitution } from '$lib/server/access/policy';
import { editable } from '$lib/server/content/content-types';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, runForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	await loadOrError(event, async () => authorizeInstitution(event.locals.ctx.actor, 'content.edit', institution.id));
	return { kind: event.params.kind as ContentKind };
};

export const actions: Actions = {
	default: async (event) => {
		const kind = event.params.kind as ContentKind;
		const institution = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const { service, inputFromForm } = editable(kind);
		const outcome = await runForm(event, (input) => service.create(event.locals.ctx, institution.id, inputFromForm(input)));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${institution.slug}/${kind}/${outcome.result.id}`);
	}
};
