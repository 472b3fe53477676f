import { normaliseQuery, search, type SearchKind } from '$lib/server/search/search.service';
import { canonicalListing } from '$lib/seo/meta';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

const KINDS: SearchKind[] = ['institution', 'programme', 'scholarship', 'guide', 'news', 'event'];

export const load: PageServerLoad = async ({ locals, url }) => {
	const q = url.searchParams.get('q') ?? '';
	const kindParam = url.searchParams.get('kind');
	const kind = KINDS.includes(kindParam as SearchKind) ? (kindParam as SearchKind) : null;
	const results = normaliseQuery(q) ? await search(locals.ctx, q, { kind }) : [];
	const canonical = canonicalListing(url.pathname, [['q', q.trim()], ['kind', kind]]);
	return { q, kind, kinds: KINDS, results, canonical };
};
