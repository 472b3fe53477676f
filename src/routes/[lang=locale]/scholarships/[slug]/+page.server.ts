import { formatDate } from '$lib/i18n/format';
import { loadOrError } from '$lib/server/http';
import { presentScholarship } from '$lib/server/scholarships/present';
import { getScholarship } from '$lib/server/scholarships/scholarships.service';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { locale } = event.locals;
	const row = await loadOrError(event, () => getScholarship(event.locals.ctx, event.params.slug));
	const s = row.scholarship;
	return {
		s: {
			...presentScholarship(s, locale),
			institutionSlug: row.institutionSlug,
			institutionShortName: row.institutionShortName,
			deadline: s.applicationDeadline ? formatDate(s.applicationDeadline, locale, 'long') : null
		}
	};
};
