import { requireUser } from '$lib/server/http';
import { exportOwnData } from '$lib/server/welcome/privacy.service';
import type { RequestHandler } from './$types';

/** A copy of everything the platform holds about the signed-in person (audited). */
export const GET: RequestHandler = async (event) => {
	requireUser(event);
	const data = await exportOwnData(event.locals.ctx);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="welcome-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
