import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { t } from '$lib/i18n/messages';
import type { ImportCheck } from './content/import-batches';
import { handleServiceError, loadOrError, readForm } from './http';
import { getInstitutionForWorkspace } from './institutions/institutions.service';
import type { ServiceContext } from './platform/context';

/**
 * The two form actions of a spreadsheet import page (SpreadsheetImport.svelte): `check` runs
 * the dry run and returns every problem in the user's language; `apply` imports the checked
 * batch and goes back to the list with the count.
 */
export function importActions(options: {
	check(ctx: ServiceContext, institutionId: string, file: { bytes: Uint8Array; name: string | null }): Promise<ImportCheck>;
	apply(ctx: ServiceContext, institutionId: string, batchId: string, form: FormData): Promise<{ created: number; updated: number }>;
	/** The list page, relative to the workspace. */
	list: string;
}) {
	return {
		check: async (event: RequestEvent) => {
			const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug!));
			try {
				const form = await readForm(event);
				const file = form.get('file');
				const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
				const check = await options.check(event.locals.ctx, inst.id, { bytes, name: file instanceof File ? file.name : null });
				const locale = event.locals.locale;
				return {
					check: {
						...check,
						fileName: file instanceof File ? file.name : '',
						errors: check.errors.slice(0, 500).map((e) => ({ row: e.row, column: e.column, value: e.value ?? '', message: t(e.messageKey, locale, { value: e.value ?? '' }) })),
						moreErrors: Math.max(0, check.errors.length - 500)
					}
				};
			} catch (err) {
				return handleServiceError(event, err);
			}
		},
		apply: async (event: RequestEvent) => {
			const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug!));
			let imported: number;
			try {
				const form = await readForm(event);
				const result = await options.apply(event.locals.ctx, inst.id, String(form.get('batchId') ?? ''), form);
				imported = result.created + result.updated;
			} catch (err) {
				const failure = handleServiceError(event, err);
				return fail(failure.status, failure.data);
			}
			redirect(303, `/${event.locals.locale}/workspace/${inst.slug}/${options.list}?imported=${imported}`);
		}
	};
}
