import { redirect } from '@sveltejs/kit';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import { resolveText } from '$lib/i18n/localized-text';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, runForm } from '$lib/server/http';
import { deleteMedia, getMediaForEditing, imageSources, updateMediaAlt } from '$lib/server/media/media.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const asset = await loadOrError(event, () => getMediaForEditing(event.locals.ctx, institution.id, event.params.id));
	const sources = asset.kind === 'image' ? imageSources(asset.id, asset.variants) : null;
	const alt = resolveText(asset.alt, event.locals.locale, institution.defaultLocale as Locale)?.text ?? '';
	return {
		asset: { id: asset.id, kind: asset.kind, name: asset.originalName, mime: asset.mime, width: asset.width, height: asset.height, alt: asset.alt, version: asset.version, altText: alt },
		sources,
		snippet: asset.kind === 'image' ? `![${alt}](${sources!.fallback})` : `[${asset.originalName}](/media/${asset.id}/document.pdf)`,
		done: event.url.searchParams.get('uploaded') ? 'uploaded' : event.url.searchParams.get('saved') ? 'saved' : null
	};
};

export const actions: Actions = {
	save: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, (input) =>
			updateMediaAlt(event.locals.ctx, inst.id, event.params.id, Object.fromEntries(LOCALES.map((l) => [l, input[`alt.${l}`] ?? ''])), input.version)
		);
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${inst.slug}/media/${event.params.id}?saved=1`);
	},
	delete: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, () => deleteMedia(event.locals.ctx, inst.id, event.params.id));
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/workspace/${inst.slug}/media`);
	}
};
