import { isCountryCode } from '$lib/i18n/countries';
import { countryName, compareText } from '$lib/i18n/format';
import { countInstitutionsByCountry, listInstitutions } from '$lib/server/institutions/institutions.service';
import { wholeNumberParam } from '$lib/server/platform/query-params';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

const PAGE_SIZE = 48;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { locale, ctx } = locals;
	const countryParam = url.searchParams.get('country')?.toUpperCase() ?? null;
	const country = countryParam && isCountryCode(countryParam) ? countryParam : null;
	const page = wholeNumberParam(url.searchParams.get('page'), 1, 10_000) ?? 1;
	const counts = await countInstitutionsByCountry(ctx);
	const total = country ? (counts.find((c) => c.countryCode === country)?.n ?? 0) : counts.reduce((sum, c) => sum + c.n, 0);
	const institutions = await listInstitutions(ctx, { countryCode: country, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
	return {
		country,
		page,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		total,
		countries: counts.map((c) => ({ code: c.countryCode, name: countryName(c.countryCode, locale), n: c.n })).sort((a, b) => compareText(a.name, b.name, locale)),
		institutions: institutions.map((i) => ({ ...i, country: countryName(i.countryCode, locale) }))
	};
};
