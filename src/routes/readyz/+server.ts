import { json } from '@sveltejs/kit';
import { getPlatform } from '$lib/server/app';
import type { RequestHandler } from './$types';

/** The database answers: ready for traffic. */
export const GET: RequestHandler = async () => {
	try {
		const platform = await getPlatform();
		await platform.database.ping();
		return json({ status: 'ready', database: platform.database.kind }, { headers: { 'cache-control': 'no-store' } });
	} catch {
		return json({ status: 'unavailable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
