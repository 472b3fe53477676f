import { error } from '@sveltejs/kit';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { handleServiceError } from '$lib/server/http';
import { exportProgrammes, programmeTemplate } from '$lib/server/programmes/programme-import.service';
import type { RequestHandler } from './$types';

/** programmes.xlsx|csv: the institution's programmes in the import format; template.xlsx|csv to start from. */
export const GET: RequestHandler = async (event) => {
	const [name, format] = event.params.file.split('.') as [string, 'xlsx' | 'csv'];
	if (!['programmes', 'template'].includes(name) || !['xlsx', 'csv'].includes(format)) error(404, 'Not found');
	try {
		const inst = await getInstitutionForWorkspace(event.locals.ctx, event.params.slug);
		const file = name === 'template' ? await programmeTemplate(format) : await exportProgrammes(event.locals.ctx, inst.id, format);
		return new Response(file.body as BodyInit, {
			headers: {
				'content-type': file.type,
				'content-disposition': `attachment; filename="${inst.slug}-${name}.${format}"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (err) {
		const handled = handleServiceError(event, err);
		error(handled.status, handled.data.message);
	}
};
