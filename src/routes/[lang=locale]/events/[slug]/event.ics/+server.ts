import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n/messages';
import { eventsToIcs } from '$lib/server/news/calendar';
import { getEvent } from '$lib/server/news/news.service';
import { AppError } from '$lib/server/platform/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const e = await getEvent(locals.ctx, params.slug).catch((err) => {
		if (err instanceof AppError) error(404, t('error_not_found', locals.locale));
		throw err;
	});
	return new Response(eventsToIcs([e], locals.locale, url.origin, t('events_title', locals.locale)), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${e.slug}.ics"`, 'cache-control': 'public, max-age=600' }
	});
};
