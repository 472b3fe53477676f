import { exportProgrammes, programmeTemplate } from '$lib/server/programmes/programme-import.service';
import { spreadsheetDownload } from '$lib/server/spreadsheet-download';
import type { RequestHandler } from './$types';

/** programmes.xlsx|csv: the institution's programmes in the import format; template.xlsx|csv to start from. */
export const GET: RequestHandler = (event) => spreadsheetDownload(event, { programmes: exportProgrammes, template: (_ctx, _id, format) => programmeTemplate(format) });
