import { countryName, formatDate } from '$lib/i18n/format';
import { listGuidesForEditing } from '$lib/server/guides/guide-editing.service';
import { loadOrError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals } = event;
	const guides = await loadOrError(event, () => listGuidesForEditing(locals.ctx));
	return { guides: guides.map((g) => ({
		code: g.countryCode,
		name: countryName(g.countryCode, locals.locale),
		verifiedOn: g.verifiedOn ? formatDate(g.verifiedOn, locals.locale) : null
	})) };
};
