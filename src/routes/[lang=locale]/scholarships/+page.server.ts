import { COUNTRY_CODES } from '$lib/i18n/countries';
import { countryName, compareText } from '$lib/i18n/format';
import { findScholarships, parseScholarshipQuery } from '$lib/server/scholarships/scholarships.service';
import { presentScholarship } from '$lib/server/scholarships/present';
import { canonicalListing } from '$lib/seo/meta';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { locale } = locals;
	const { filters, ignored } = parseScholarshipQuery(url.searchParams);
	const { items, ...pages } = await findScholarships(locals.ctx, filters);
	const byName = (a: { label: string }, b: { label: string }) => compareText(a.label, b.label, locale);
	// The filters that choose what is listed, normalised (see $lib/seo/meta.ts), and the page past the first.
	const address = (page: number) =>
		canonicalListing(url.pathname, [
			['nationality', filters.nationality],
			['level', filters.level],
			['field', filters.field],
			['country', filters.country],
			...filters.covers.map((cover): [string, string] => ['covers', cover]),
			['page', page > 1 ? page : null]
		]);
	return {
		filters,
		ignored,
		canonical: address(pages.page),
		/** The selection's first page: other pages add `page` to it. */
		listing: address(1),
		pages,
		items: items.map((s) => presentScholarship(s, locale)),
		nationalities: COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c, locale) })).sort(byName),
		countries: ['KZ', 'CN', 'ES', 'SE', 'EE', 'PT', 'FR'].map((c) => ({ value: c, label: countryName(c, locale) })).sort(byName)
	};
};
