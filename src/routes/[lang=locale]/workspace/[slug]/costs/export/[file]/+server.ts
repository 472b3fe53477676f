import { costTemplate, exportInstitutionCosts } from '$lib/server/costs/institution-costs.service';
import { spreadsheetDownload } from '$lib/server/spreadsheet-download';
import type { RequestHandler } from './$types';

/** costs.xlsx|csv: the institution's own prices in the import format; template.xlsx|csv to start from. */
export const GET: RequestHandler = (event) => spreadsheetDownload(event, { costs: exportInstitutionCosts, template: (_ctx, _id, format) => costTemplate(format) });
