import { t } from '$lib/i18n/messages';
import { todayIn } from '$lib/server/guides/planner.service';
import { eventsToIcs } from '$lib/server/news/calendar';
import { listEvents } from '$lib/server/news/news.service';
import type { RequestHandler } from './$types';

/** A subscribable calendar of upcoming events. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const events = await listEvents(locals.ctx, { when: 'upcoming', today: todayIn('UTC') });
	return new Response(eventsToIcs(events, locals.locale, url.origin, `${t('brand', locals.locale)} · ${t('events_title', locals.locale)}`), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'public, max-age=600' }
	});
};
