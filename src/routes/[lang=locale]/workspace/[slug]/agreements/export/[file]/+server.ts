import { parseAgreementQuery } from '$lib/agreements/list-filters';
import { agreementTemplate, exportAgreements } from '$lib/server/agreements/agreement-import';
import { spreadsheetDownload } from '$lib/server/spreadsheet-download';
import type { RequestHandler } from './$types';

/** agreements.xlsx|csv: the agreements the list's filters (in the query) select, in the import format; template.xlsx|csv to start from. */
export const GET: RequestHandler = (event) =>
	spreadsheetDownload(event, {
		agreements: (ctx, institutionId, format) => exportAgreements(ctx, institutionId, parseAgreementQuery(event.url.searchParams), format),
		template: (_ctx, _id, format) => agreementTemplate(format)
	});
