import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n/messages';
import { planArrival } from '$lib/server/guides/planner.service';
import { timelineToIcs } from '$lib/server/news/calendar';
import { AppError } from '$lib/server/platform/errors';
import type { RequestHandler } from './$types';

/** The personal timeline as an iCalendar file: one event per dated step (timed for a known arrival time). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { locale } = locals;
	const query = Object.fromEntries(url.searchParams.entries());
	let plan;
	try {
		plan = await planArrival(locals.ctx, query);
	} catch (err) {
		if (err instanceof AppError) error(400, t(err.messageKey, locale));
		throw err;
	}
	const link = `${url.origin}/${locale}/arrival-planner?${url.searchParams.toString()}`;
	return new Response(timelineToIcs(plan, locale, link), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'attachment; filename="welcome-arrival.ics"',
			'cache-control': 'public, max-age=3600'
		}
	});
};
