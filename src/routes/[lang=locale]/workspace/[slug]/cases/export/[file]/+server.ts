import { spreadsheetDownload } from '$lib/server/spreadsheet-download';
import { exportCases } from '$lib/server/welcome/case-export.service';
import type { RequestHandler } from './$types';

/** The queue's cases as `cases.xlsx` or `cases.csv`: the filters in the address are the queue's, every page. */
export const GET: RequestHandler = (event) =>
	spreadsheetDownload(event, { cases: (ctx, institutionId, format) => exportCases(ctx, institutionId, Object.fromEntries(event.url.searchParams), format) });
