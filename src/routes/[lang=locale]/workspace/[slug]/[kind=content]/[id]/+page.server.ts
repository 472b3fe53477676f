import type { ContentKind } from '$lib/content-kinds';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { formatDateTime } from '$lib/i18n/format';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { wholeNumberParam } from '$lib/server/platform/query-params';
import { loadOrError, runForm } from '$lib/server/http';
import { editable } from '$lib/server/content/content-types';
import { invalidInput } from '$lib/server/platform/errors';
import { instantToZoned, zonedToInstant } from '$lib/server/platform/time';
import type { ServiceContext } from '$lib/server/platform/context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const kind = event.params.kind as ContentKind;
	const item = await loadOrError(event, () => editable(kind).service.get(event.locals.ctx, institution.id, event.params.id));
	const locale = event.locals.locale;
	const zoned = (d: Date) => `${formatDateTime(new Date(`${instantToZoned(d, item.timeZone)}:00Z`), locale)} (${item.timeZone})`;
	return {
		kind,
		item: { ...item, snapshot: item.snapshot as Record<string, unknown>, publishedAtText: zoned(item.publishedAt) },
		notice: event.url.searchParams.get('done')
	};
};

async function context(event: RequestEvent) {
	const institution = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug!));
	const kind = event.params.kind as ContentKind;
	return { institution, id: event.params.id!, ctx: event.locals.ctx, ...editable(kind) };
}

const done = (event: RequestEvent, slug: string, what: string) => redirect(303, `/${event.locals.locale}/workspace/${slug}/${event.params.kind}/${event.params.id}?done=${what}`);

/**
 * Saves what the form holds, then `then` in the same transaction (nothing is saved when it is
 * refused); on a conflict, adds what the other person changed to the failure.
 */
async function saveThen(event: RequestEvent, then: (c: Awaited<ReturnType<typeof context>>, tx: ServiceContext, version: number, input: Record<string, string>) => Promise<unknown>) {
	const c = await context(event);
	let baseRevision = 0;
	const outcome = await runForm(event, async (input) => {
		baseRevision = wholeNumberParam(input.revision, 0, 2_147_483_647) ?? 0;
		return c.service.saveAndThen(c.ctx, c.institution.id, c.id, c.inputFromForm(input), input.version, (tx, version) => then(c, tx, version, input));
	});
	if (outcome.ok) return { ok: true as const, c };
	if (outcome.failure.status === 409) {
		const conflict = await c.service.changesSince(c.ctx, c.institution.id, c.id, baseRevision);
		return { ok: false as const, failure: fail(409, { ...outcome.failure.data, conflict: { ...conflict, at: formatDateTime(conflict.at, event.locals.locale) } }) };
	}
	return { ok: false as const, failure: outcome.failure };
}

export const actions: Actions = {
	save: async (event) => {
		const result = await saveThen(event, async () => {});
		if (!result.ok) return result.failure;
		done(event, result.c.institution.slug, 'saved');
	},
	review: async (event) => {
		const result = await saveThen(event, (c, tx, version) => c.service.requestReview(tx, c.institution.id, c.id, version));
		if (!result.ok) return result.failure;
		done(event, result.c.institution.slug, 'review');
	},
	publish: async (event) => {
		let scheduled = false;
		const result = await saveThen(event, async (c, tx, version, input) => {
			const item = await c.service.get(tx, c.institution.id, c.id);
			let publishAt: Date | null = null;
			if (input.publishAt?.trim()) {
				publishAt = zonedToInstant(input.publishAt, item.timeZone);
				if (!publishAt) throw invalidInput({ publishAt: 'error_publish_at_invalid' });
			}
			scheduled = !!publishAt && publishAt > new Date();
			await c.service.publish(tx, c.institution.id, c.id, { version, publishAt });
		});
		if (!result.ok) return result.failure;
		done(event, result.c.institution.slug, scheduled ? 'scheduled' : 'published');
	},
	unpublish: async (event) => {
		const c = await context(event);
		const outcome = await runForm(event, (input) => c.service.unpublish(c.ctx, c.institution.id, c.id, input.version));
		if (!outcome.ok) return outcome.failure;
		done(event, c.institution.slug, 'unpublished');
	},
	delete: async (event) => {
		const c = await context(event);
		const outcome = await runForm(event, () => c.service.deleteDraft(c.ctx, c.institution.id, c.id));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${c.institution.slug}/${c.kind}?done=deleted`);
	}
};
