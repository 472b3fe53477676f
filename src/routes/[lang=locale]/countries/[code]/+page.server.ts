import { countryName, formatMoney } from '$lib/i18n/format';
import { getGuide } from '$lib/server/guides/guides.service';
import { todayIn } from '$lib/server/guides/planner.service';
import { loadOrError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { locale } = event.locals;
	const code = event.params.code.toUpperCase();
	const data = await loadOrError(event, () => getGuide(event.locals.ctx, code, todayIn('UTC')));
	return {
		...data,
		country: countryName(code, locale),
		routes: data.routes.map((r) => ({
			...r,
			nationalityNames: r.nationalities?.map((n) => countryName(n, locale)) ?? null,
			excludedNames: r.excludedNationalities.map((n) => countryName(n, locale)),
			fee: r.feeAmount !== null && r.feeCurrency ? formatMoney(r.feeAmount, r.feeCurrency, locale) : null
		}))
	};
};
