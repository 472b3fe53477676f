import { loadOrError } from '$lib/server/http';
import { letterTemplates } from '$lib/server/letters/letters.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const templates = await loadOrError(event, () => letterTemplates(event.locals.ctx, institution.id));
	return { templates: templates.map((x) => ({ kind: x.kind, title: x.title, isDefault: x.isDefault, signatoryName: x.signatoryName })) };
};
