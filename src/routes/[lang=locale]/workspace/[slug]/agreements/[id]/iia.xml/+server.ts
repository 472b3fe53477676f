import { error } from '@sveltejs/kit';
import { agreementXml } from '$lib/server/agreements/agreements.service';
import { handleServiceError } from '$lib/server/http';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import type { RequestHandler } from './$types';

/** Our copy of the agreement as an EWP IIA get response file, for a partner's system to import. */
export const GET: RequestHandler = async (event) => {
	try {
		const inst = await getInstitutionForWorkspace(event.locals.ctx, event.params.slug);
		const file = await agreementXml(event.locals.ctx, inst.id, event.params.id);
		return new Response(file.xml, {
			headers: {
				'content-type': 'application/xml; charset=utf-8',
				'content-disposition': `attachment; filename="iia-${inst.slug}-${file.heiId}-v${file.version}.xml"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (err) {
		const handled = handleServiceError(event, err);
		error(handled.status, handled.data.message);
	}
};
