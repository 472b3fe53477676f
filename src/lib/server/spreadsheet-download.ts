import { error, type RequestEvent } from '@sveltejs/kit';
import { handleServiceError } from './http';
import { getInstitutionForWorkspace } from './institutions/institutions.service';
import type { ServiceContext } from './platform/context';

type Format = 'xlsx' | 'csv';
type Sheet = { body: unknown; type: string };

/**
 * Answers `<name>.xlsx|csv` downloads of a workspace (exports and import templates): the file
 * named in the URL, as an attachment named after the institution, never cached.
 */
export async function spreadsheetDownload(event: RequestEvent, files: Record<string, (ctx: ServiceContext, institutionId: string, format: Format) => Promise<Sheet>>) {
	const [name, format] = (event.params.file ?? '').split('.') as [string, Format];
	if (!Object.hasOwn(files, name) || !['xlsx', 'csv'].includes(format)) error(404, 'Not found');
	try {
		const inst = await getInstitutionForWorkspace(event.locals.ctx, event.params.slug!);
		const file = await files[name]!(event.locals.ctx, inst.id, format);
		return new Response(file.body as BodyInit, {
			headers: { 'content-type': file.type, 'content-disposition': `attachment; filename="${inst.slug}-${name}.${format}"`, 'cache-control': 'private, no-store' }
		});
	} catch (err) {
		const handled = handleServiceError(event, err);
		error(handled.status, handled.data.message);
	}
}
