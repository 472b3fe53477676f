import { manifestFor } from '$lib/server/ewp-node/manifest';
import type { RequestHandler } from './$types';

/** An institution's EWP Discovery manifest (public: the registry reads it). */
export const GET: RequestHandler = async ({ params, locals }) => {
	const manifest = await manifestFor(locals.ctx, params.hei.toLowerCase());
	if (!manifest) return new Response('No EWP host here covers this hei-id.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	return new Response(manifest, { headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'no-cache' } });
};
