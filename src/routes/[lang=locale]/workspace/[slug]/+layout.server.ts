import { institutionAbilities } from '$lib/server/access/policy';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, requireUser } from '$lib/server/http';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	requireUser(event);
	const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
	return {
		institution: { id: inst.id, slug: inst.slug, shortName: inst.shortName, shortNames: inst.shortNames, name: inst.name, defaultLocale: inst.defaultLocale, countryCode: inst.countryCode, city: inst.city },
		role: event.locals.ctx.actor?.memberships.get(inst.id) ?? null,
		canHere: institutionAbilities(event.locals.ctx.actor, inst.id)
	};
};
