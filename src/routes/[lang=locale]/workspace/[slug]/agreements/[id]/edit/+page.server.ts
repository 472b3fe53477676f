import { fail, redirect } from '@sveltejs/kit';
import { resolveText } from '$lib/i18n/localized-text';
import { formatDateTime } from '$lib/i18n/format';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, runForm } from '$lib/server/http';
import { agreementForEditor, changesSinceVersion, updateAgreement } from '$lib/server/agreements/agreements.service';
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
		const { ctx, locale } = event.locals;
		const institution = await loadOrError(event, () => getInstitutionForWorkspace(ctx, event.params.slug));
		const { choices } = await loadOrError(event, () => agreementForEditor(ctx, institution.id, event.params.id));
		const outcome = await runForm(event, (input) => updateAgreement(ctx, institution.id, event.params.id, { kind: input.kind, version: input.version, content: contentOf(input, choices) }));
		if (outcome.ok) redirect(303, `/${locale}/workspace/${event.params.slug}/agreements/${event.params.id}?saved=${outcome.result.version}`);
		if (outcome.failure.status !== 409) return outcome.failure;
		// Someone saved first: keep what this person typed, show what the other changed, and let
		// the next save go on top of the current version.
		const { values } = outcome.failure.data;
		const conflict = await loadOrError(event, () => changesSinceVersion(ctx, institution.id, event.params.id, Number(values.version)));
		return fail(409, {
			...outcome.failure.data,
			values: { ...values, version: String(conflict.to) },
			conflict: { ...conflict, at: formatDateTime(conflict.at, locale) }
		});
	},
	addCondition: async (event) => {
		const outcome = await runForm(event, async (input) => withOneMoreCondition(input));
		return outcome.ok ? outcome.result : outcome.failure;
	}
};
