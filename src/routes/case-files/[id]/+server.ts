import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n/messages';
import { AppError } from '$lib/server/platform/errors';
import { readCaseDocument } from '$lib/server/welcome/case-handling.service';
import type { RequestHandler } from './$types';

/** A case's file, for its applicant and the institution's staff only; every read is audited. */
export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		const file = await readCaseDocument(locals.ctx, params.id);
		return new Response(file.body as BodyInit, {
			headers: {
				'content-type': file.mime,
				'content-length': String(file.body.byteLength),
				'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
				'cache-control': 'private, no-store',
				'x-content-type-options': 'nosniff',
				'content-security-policy': "default-src 'none'; sandbox"
			}
		});
	} catch (err) {
		if (err instanceof AppError) error(err.status, t(err.messageKey, locals.locale));
		throw err;
	}
};
