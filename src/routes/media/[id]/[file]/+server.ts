import { error } from '@sveltejs/kit';
import { readMediaFile } from '$lib/server/media/media.service';
import { AppError } from '$lib/server/platform/errors';
import type { RequestHandler } from './$types';

/**
 * Uploaded files. Every upload has its own id, so a file never changes: browsers and proxies
 * keep it for a year. Served as data only (no scripts, no framing), PDFs inline.
 */
export const GET: RequestHandler = async ({ params, locals }) => {
	try {
		const file = await readMediaFile(locals.ctx, params.id, params.file);
		return new Response(file.body as BodyInit, {
			headers: {
				'content-type': file.type,
				'cache-control': 'public, max-age=31536000, immutable',
				'content-security-policy': "default-src 'none'; sandbox",
				...(file.type === 'application/pdf' ? { 'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}` } : {})
			}
		});
	} catch (err) {
		if (err instanceof AppError && err.status === 404) error(404, 'Not found');
		throw err;
	}
};
