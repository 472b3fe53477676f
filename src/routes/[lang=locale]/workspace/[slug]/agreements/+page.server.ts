import { resolveText } from '$lib/i18n/localized-text';
import { countryName } from '$lib/i18n/format';
import { loadOrError } from '$lib/server/http';
import { listAgreements } from '$lib/server/agreements/agreements.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const { ctx, locale } = event.locals;
	const rows = await loadOrError(event, () => listAgreements(ctx, institution.id));
	return {
		agreements: rows.map((a) => ({
			id: a.id,
			kind: a.kind as 'erasmus' | 'bilateral' | 'mou',
			partner: resolveText(a.partner.name, locale)?.text ?? a.partner.heiId,
			heiId: a.partner.heiId,
			country: countryName(a.partnerCountry, locale),
			years: a.firstYear ? `${a.firstYear}/${a.firstYear + 1} – ${a.lastYear}/${a.lastYear + 1}` : '',
			mobilityKinds: a.mobilityKinds,
			version: a.version,
			approvals: a.approvals,
			terminated: a.terminated
		}))
	};
};
