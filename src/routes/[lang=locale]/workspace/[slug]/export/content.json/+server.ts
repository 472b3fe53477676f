import { error } from '@sveltejs/kit';
import { exportInstitutionContent } from '$lib/server/content/export.service';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { handleServiceError } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** All of an institution's content in one JSON file. */
export const GET: RequestHandler = async (event) => {
	try {
		const inst = await getInstitutionForWorkspace(event.locals.ctx, event.params.slug);
		const content = await exportInstitutionContent(event.locals.ctx, inst.id);
		return new Response(JSON.stringify(content, null, 2), {
			headers: {
				'content-type': 'application/json; charset=utf-8',
				'content-disposition': `attachment; filename="${inst.slug}-content-${new Date().toISOString().slice(0, 10)}.json"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (err) {
		const handled = handleServiceError(event, err);
		error(handled.status, handled.data.message);
	}
};
