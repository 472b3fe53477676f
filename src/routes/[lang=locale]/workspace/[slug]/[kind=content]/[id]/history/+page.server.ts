import type { ContentKind } from '$lib/content-kinds';
import { redirect } from '@sveltejs/kit';
import { formatDateTime } from '$lib/i18n/format';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, runForm } from '$lib/server/http';
import { editable } from '$lib/server/content/content-types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const ctx = event.locals.ctx;
	const { service } = editable(event.params.kind as ContentKind);
	const history = await loadOrError(event, () => service.history(ctx, institution.id, event.params.id));
	const wanted = Number(event.url.searchParams.get('r'));
	const shown = Number.isInteger(wanted) && history.revisions.some((r) => r.number === wanted) ? wanted : (history.revisions[0]?.number ?? null);
	const diff = shown === null ? null : await loadOrError(event, () => service.revisionDiff(ctx, institution.id, event.params.id, shown));
	return {
		history: { ...history, revisions: history.revisions.map((r) => ({ ...r, when: formatDateTime(r.createdAt, event.locals.locale) })) },
		shown,
		diff: diff && { changes: diff.changes, number: diff.revision.number }
	};
};

export const actions: Actions = {
	restore: async (event) => {
		const institution = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const { service } = editable(event.params.kind as ContentKind);
		const outcome = await runForm(event, (input) => service.restore(event.locals.ctx, institution.id, event.params.id, Number(input.number), input.version));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${institution.slug}/${event.params.kind}/${event.params.id}?done=saved`);
	}
};
