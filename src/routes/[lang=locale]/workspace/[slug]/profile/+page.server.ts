import { authorizeInstitution, canInstitution } from '$lib/server/access/policy';
import { LOCALES } from '$lib/i18n/locales';
import { PROFILE_TEXTS, getInstitutionForWorkspace, profileChangesSince, updateInstitutionProfile, updateInstitutionTranslations } from '$lib/server/institutions/institutions.service';
import { formatDateTime } from '$lib/i18n/format';
import { fail } from '@sveltejs/kit';
import { loadOrError, runForm } from '$lib/server/http';
import { imageChoices } from '$lib/server/media/media.service';
import { translationGaps } from '$lib/server/editing/translation-status';
import { resolveText } from '$lib/i18n/localized-text';
import type { Locale } from '$lib/i18n/locales';
import type { Actions, PageServerLoad } from './$types';

const LOCALIZED_FIELDS = ['name', 'shortNames', 'city', 'description'] as const;

export const load: PageServerLoad = async (event) => {
	const inst = await loadOrError(event, async () => {
		const found = await getInstitutionForWorkspace(event.locals.ctx, event.params.slug);
		authorizeInstitution(event.locals.ctx.actor, 'content.translate', found.id);
		return found;
	});
	const images = await imageChoices(event.locals.ctx, inst.id, inst.photoId);
	return {
		gaps: translationGaps(PROFILE_TEXTS, inst, inst.translationSources, inst.defaultLocale as Locale),
		images: images.items.map((i) => ({ value: i.id, label: `${resolveText(i.alt, event.locals.locale, inst.defaultLocale as Locale)?.text ?? ''} (${i.originalName})` })),
		imagesLeftOut: images.total > images.limit ? { shown: images.limit, total: images.total } : null,
		translateOnly: !canInstitution(event.locals.ctx.actor, 'institution.update_profile', inst.id),
		profile: {
			name: inst.name,
			shortName: inst.shortName,
			shortNames: inst.shortNames,
			city: inst.city,
			description: inst.description,
			website: inst.website ?? '',
			heiId: inst.heiId ?? '',
			erasmusCode: inst.erasmusCode ?? '',
			defaultLocale: inst.defaultLocale,
			locales: inst.locales,
			photoId: inst.photoId ?? '',
			version: inst.version,
			loadedAt: new Date().toISOString()
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const outcome = await runForm(event, async (input, form) => {
			const inst = await getInstitutionForWorkspace(event.locals.ctx, event.params.slug);
			const localized = Object.fromEntries(
				LOCALIZED_FIELDS.map((field) => [field, Object.fromEntries(LOCALES.map((l) => [l, input[`${field}.${l}`] ?? '']))])
			);
			if (!canInstitution(event.locals.ctx.actor, 'institution.update_profile', inst.id)) {
				return updateInstitutionTranslations(event.locals.ctx, inst.id, { ...localized, version: input.version });
			}
			return updateInstitutionProfile(event.locals.ctx, inst.id, {
				...localized,
				website: input.website ?? '',
				heiId: input.heiId ?? '',
				erasmusCode: input.erasmusCode ?? '',
				defaultLocale: input.defaultLocale,
				locales: form.getAll('locales'),
				photoId: input.photoId,
				version: input.version
			});
		});
		if (!outcome.ok) {
			if (outcome.failure.status !== 409) return outcome.failure;
			// Someone saved first: show what they changed since this form was opened.
			const inst = await getInstitutionForWorkspace(event.locals.ctx, event.params.slug);
			const since = new Date(String(outcome.failure.data.values.loadedAt ?? ''));
			const conflict = await profileChangesSince(event.locals.ctx, inst.id, Number.isNaN(since.getTime()) ? new Date(0) : since);
			return fail(409, { ...outcome.failure.data, conflict: { ...conflict, at: conflict.at ? formatDateTime(conflict.at, event.locals.locale) : '' } });
		}
		return { saved: true };
	}
};
