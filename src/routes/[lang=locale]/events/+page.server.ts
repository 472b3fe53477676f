import { todayIn } from '$lib/server/guides/planner.service';
import { listEvents } from '$lib/server/news/news.service';
import { presentEvent } from '$lib/server/news/present';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => {
	const today = todayIn('UTC');
	const [upcoming, past] = await Promise.all([
		listEvents(locals.ctx, { when: 'upcoming', today }),
		listEvents(locals.ctx, { when: 'past', today, limit: 50 })
	]);
	return { upcoming: upcoming.map((e) => presentEvent(e, locals.locale)), past: past.map((e) => presentEvent(e, locals.locale)) };
};
