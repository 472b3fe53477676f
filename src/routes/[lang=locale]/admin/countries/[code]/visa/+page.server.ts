import { countryName } from '$lib/i18n/format';
import { listCountryRules } from '$lib/server/guides/rules-editing.service';
import { loadOrError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const rules = await loadOrError(event, () => listCountryRules(event.locals.ctx, event.params.code));
	return {
		country: { code: rules.countryCode, name: countryName(rules.countryCode, event.locals.locale) },
		items: rules.routes.map((r) => ({ id: r.id, code: r.code, name: r.name, purposes: r.purposes, verifiedOn: r.verifiedOn, unverified: r.unverified, withdrawn: !!r.withdrawnAt }))
	};
};
