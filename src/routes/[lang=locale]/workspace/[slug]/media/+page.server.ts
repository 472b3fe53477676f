import { fail, redirect } from '@sveltejs/kit';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import { missingLocales, resolveText } from '$lib/i18n/localized-text';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { handleServiceError, loadOrError, readForm } from '$lib/server/http';
import { imageSources, listMedia, uploadMedia } from '$lib/server/media/media.service';
import { wholeNumberParam } from '$lib/server/platform/query-params';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const { items, ...pages } = await loadOrError(event, () => listMedia(event.locals.ctx, institution.id, { page: wholeNumberParam(event.url.searchParams.get('page')) }));
	return {
		pages,
		items: items.map((a) => ({
			id: a.id,
			kind: a.kind,
			name: a.originalName,
			kilobytes: Math.ceil(a.bytes / 1024),
			thumbnail: a.kind === 'image' ? `/media/${a.id}/${a.variants.find((v) => v.format === 'webp')?.key.split('/').pop()}` : null,
			sources: a.kind === 'image' ? imageSources(a.id, a.variants) : null,
			alt: resolveText(a.alt, event.locals.locale, institution.defaultLocale as Locale)?.text ?? '',
			missingAlt: a.kind === 'image' ? missingLocales(a.alt, LOCALES) : []
		})),
		uploaded: event.url.searchParams.get('uploaded')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		let alt: Record<string, string> = {};
		let id: string;
		try {
			const form = await readForm(event);
			const file = form.get('file');
			alt = Object.fromEntries(LOCALES.map((l) => [l, String(form.get(`alt.${l}`) ?? '').replaceAll('\0', '')]));
			const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
			id = (await uploadMedia(event.locals.ctx, inst.id, { bytes, name: file instanceof File ? file.name : null }, alt)).id;
		} catch (err) {
			const failure = handleServiceError(event, err, Object.fromEntries(LOCALES.map((l) => [`alt.${l}`, alt[l] ?? ''])));
			return fail(failure.status, failure.data);
		}
		redirect(303, `/${event.locals.locale}/workspace/${inst.slug}/media/${id}?uploaded=1`);
	}
};
