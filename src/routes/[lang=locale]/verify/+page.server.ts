import { redirect } from '@sveltejs/kit';
import { normalizeCode } from '$lib/server/letters/letters.service';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

/** The form to check a letter's code; a well-formed code goes to its own page. */
export const load: PageServerLoad = ({ url, locals }) => {
	const typed = url.searchParams.get('code');
	if (typed === null) return { typed: '', malformed: false };
	const code = normalizeCode(typed);
	if (code) redirect(303, `/${locals.locale}/verify/${code}`);
	return { typed, malformed: true };
};
