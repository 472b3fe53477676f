import { formatMoney } from '$lib/i18n/format';
import { listInstitutionCosts } from '$lib/server/costs/institution-costs.service';
import { loadOrError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const rows = await loadOrError(event, () => listInstitutionCosts(event.locals.ctx, institution.id));
	const money = (amount: number, currency: string) => formatMoney(amount, currency, event.locals.locale);
	return {
		items: rows.map((r) => ({ id: r.id, category: r.category, period: r.period, note: r.note, low: money(r.low, r.currency), typical: money(r.typical, r.currency), high: money(r.high, r.currency) })),
		imported: Number(event.url.searchParams.get('imported')) || null,
		deleted: event.url.searchParams.has('deleted')
	};
};
