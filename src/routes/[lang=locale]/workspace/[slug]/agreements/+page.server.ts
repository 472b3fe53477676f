import { parseAgreementQuery } from '$lib/agreements/list-filters';
import { resolveText } from '$lib/i18n/localized-text';
import { countryName } from '$lib/i18n/format';
import { loadOrError } from '$lib/server/http';
import { listAgreements } from '$lib/server/agreements/agreement-list';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const { ctx, locale } = event.locals;
	const filters = parseAgreementQuery(event.url.searchParams);
	const list = await loadOrError(event, () => listAgreements(ctx, institution.id, filters));
	const imported = Number(event.url.searchParams.get('imported'));
	return {
		imported: Number.isInteger(imported) && imported > 0 ? imported : null,
		filters,
		total: list.total,
		pageCount: Math.max(1, Math.ceil(list.total / list.pageSize)),
		academicYear: list.academicYear,
		countries: list.countries.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
		agreements: list.agreements.map((a) => ({
			id: a.id,
			kind: a.kind as 'erasmus' | 'bilateral' | 'mou',
			partner: resolveText(a.partner.name, locale)?.text ?? a.partner.heiId,
			heiId: a.partner.heiId,
			country: countryName(a.partnerCountry, locale),
			years: a.firstYear ? `${a.firstYear}/${a.firstYear + 1} – ${a.lastYear}/${a.lastYear + 1}` : '',
			endsSoon: !a.terminated && (a.lastYear === list.academicYear || a.lastYear === list.academicYear + 1),
			mobilityKinds: a.mobilityKinds,
			version: a.version,
			approvals: a.approvals,
			copyWaiting: !!a.partnerCopyHash && a.ourApprovalHash !== a.partnerCopyHash,
			terminated: a.terminated
		}))
	};
};
