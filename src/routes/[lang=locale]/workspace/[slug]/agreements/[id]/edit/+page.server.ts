import { redirect } from '@sveltejs/kit';
import { resolveText } from '$lib/i18n/localized-text';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, runForm } from '$lib/server/http';
import { agreementForEditor, updateAgreement } from '$lib/server/agreements/agreements.service';
import { formFromContent } from '$lib/server/agreements/agreement-form';
import { contentOf, unitOptions, withOneMoreCondition } from '$lib/server/agreements/agreement-pages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const { ctx, locale } = event.locals;
	const { agreement, choices } = await loadOrError(event, () => agreementForEditor(ctx, institution.id, event.params.id));
	const values = formFromContent(agreement.content);
	return {
		partnerName: choices.partner ? (resolveText(choices.partner.partner.name, locale)?.text ?? choices.partner.partner.heiId) : '',
		saved: { ...values, kind: agreement.kind, version: String(agreement.version) },
		ownUnits: unitOptions(choices.own, locale),
		partnerUnits: unitOptions(choices.partner, locale)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const institution = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const { choices } = await loadOrError(event, () => agreementForEditor(event.locals.ctx, institution.id, event.params.id));
		const outcome = await runForm(event, (input) => updateAgreement(event.locals.ctx, institution.id, event.params.id, { kind: input.kind, version: input.version, content: contentOf(input, choices) }));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${event.params.slug}/agreements/${event.params.id}?saved=${outcome.result.version}`);
	},
	addCondition: async (event) => {
		const outcome = await runForm(event, async (input) => withOneMoreCondition(input));
		return outcome.ok ? outcome.result : outcome.failure;
	}
};
