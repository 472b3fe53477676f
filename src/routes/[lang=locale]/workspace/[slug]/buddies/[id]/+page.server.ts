import { redirect } from '@sveltejs/kit';
import { languageName, compareText } from '$lib/i18n/format';
import { authorizeInstitution } from '$lib/server/access/policy';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, runForm } from '$lib/server/http';
import { getBuddy, saveBuddy } from '$lib/server/welcome/buddies.service';
import { SPOKEN_LANGUAGES } from '$lib/welcome/buddy-match';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const { ctx, locale } = event.locals;
	await loadOrError(event, async () => authorizeInstitution(ctx.actor, 'case.handle', institution.id));
	const isNew = event.params.id === 'new';
	const b = isNew ? null : await loadOrError(event, () => getBuddy(ctx, institution.id, event.params.id));
	const values = b
		? { name: b.name, email: b.email, languages: b.languages.join(','), interests: b.interests, capacity: String(b.capacity), active: b.active ? 'on' : '', version: String(b.version) }
		: { name: '', email: '', languages: '', interests: '', capacity: '2', active: 'on', version: '0' };
	const languages = SPOKEN_LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale) })).sort((a, b) => compareText(a.label, b.label, locale));
	return { isNew, values, languages };
};

export const actions: Actions = {
	default: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, (input) => saveBuddy(event.locals.ctx, inst.id, event.params.id === 'new' ? null : event.params.id, input));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${inst.slug}/buddies?saved=1`);
	}
};
