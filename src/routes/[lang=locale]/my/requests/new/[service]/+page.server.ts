import { redirect } from '@sveltejs/kit';
import { loadOrError, runForm } from '$lib/server/http';
import { serviceToRequest, submitRequest } from '$lib/server/welcome/cases.service';
import { answersFromProfile, institutionOption } from '$lib/server/welcome/present';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { ctx, locale } = event.locals;
	const { service, profile } = await loadOrError(event, () => serviceToRequest(ctx, event.params.service));
	const institution = (await institutionOption(ctx, service.institutionId, locale))!;
	return {
		institution,
		service: { id: service.id, name: service.name, description: service.description, questions: service.questions, documents: service.documents, turnaroundDays: service.turnaroundDays },
		prefill: answersFromProfile(service.questions, profile),
		// One key per form shown: the same form sent twice makes one case.
		submissionKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const outcome = await runForm(event, (input, form) => submitRequest(event.locals.ctx, event.params.service, input, form));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/my/requests/${outcome.result.id}?sent=1`);
	}
};
