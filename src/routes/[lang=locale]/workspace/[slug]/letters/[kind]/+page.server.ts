import { redirect } from '@sveltejs/kit';
import { LOCALES } from '$lib/i18n/locales';
import { authorizeInstitution } from '$lib/server/access/policy';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, runForm } from '$lib/server/http';
import { PLACEHOLDERS } from '$lib/server/letters/letter-text';
import { getLetterTemplate, saveLetterTemplate } from '$lib/server/letters/letters.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const ctx = event.locals.ctx;
	await loadOrError(event, async () => authorizeInstitution(ctx.actor, 'welcome.configure', institution.id));
	const x = await loadOrError(event, () => getLetterTemplate(ctx, institution.id, event.params.kind));
	const values: Record<string, string> = { signatoryName: x.signatoryName, version: String(x.version) };
	for (const l of LOCALES) {
		values[`title.${l}`] = x.title[l] ?? '';
		values[`body.${l}`] = x.body[l] ?? '';
		values[`signatoryTitle.${l}`] = x.signatoryTitle[l] ?? '';
	}
	return { kind: x.kind, isDefault: x.isDefault, values, placeholders: PLACEHOLDERS };
};

export const actions: Actions = {
	default: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, (input) => saveLetterTemplate(event.locals.ctx, inst.id, event.params.kind, input));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${inst.slug}/letters/${event.params.kind}?saved=1`);
	}
};
