import { fail } from '@sveltejs/kit';
import { t } from '$lib/i18n/messages';
import { formToObject } from '$lib/server/platform/validation';
import { handleServiceError, loadOrError, readForm } from '$lib/server/http';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { getCatalogueService } from '$lib/server/welcome/catalogue.service';
import { checkAnswers } from '$lib/welcome/service-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const s = await loadOrError(event, () => getCatalogueService(event.locals.ctx, institution.id, event.params.id));
	return { service: { id: s.id, name: s.name, description: s.description, audiences: s.audiences, turnaroundDays: s.turnaroundDays, questions: s.questions, documents: s.documents, canConfigure: s.canConfigure } };
};

export const actions: Actions = {
	/** Checks answers as a real request will, and saves nothing: admins try their form. */
	default: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const s = await loadOrError(event, () => getCatalogueService(event.locals.ctx, inst.id, event.params.id));
		let input: Record<string, string>;
		try {
			input = formToObject(await readForm(event));
		} catch (err) {
			return handleServiceError(event, err);
		}
		const { errors } = checkAnswers(s.questions, input);
		if (Object.keys(errors).length) {
			return fail(400, { message: t('error_check_fields', event.locals.locale), errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v, event.locals.locale)])), values: input });
		}
		return { checked: true, values: input };
	}
};
