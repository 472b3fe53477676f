import { LOCALE_TAGS } from '$lib/i18n/locales';
import { loadOrError } from '$lib/server/http';
import { listCatalogue } from '$lib/server/welcome/catalogue.service';
import { serviceFigures } from '$lib/server/welcome/case-figures.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const { ctx, locale } = event.locals;
	const service = event.url.searchParams.get('service') ?? '';
	const [figures, services] = await loadOrError(event, () => Promise.all([serviceFigures(ctx, institution.id, { service }), listCatalogue(ctx, institution.id)]));
	const monthName = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' });
	return {
		service,
		services: services.map((s) => ({ id: s.id, name: s.name })),
		figures: figures.map((f) => ({ ...f, label: monthName.format(new Date(`${f.month}-01T00:00:00Z`)) }))
	};
};
