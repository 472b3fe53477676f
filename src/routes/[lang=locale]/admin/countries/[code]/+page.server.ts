import { redirect } from '@sveltejs/kit';
import { countryName } from '$lib/i18n/format';
import { LOCALES } from '$lib/i18n/locales';
import { GUIDE_TEXT_FIELDS, getGuideForEditing, updateGuideTexts } from '$lib/server/guides/guide-editing.service';
import { loadOrError, runForm } from '$lib/server/http';
import { listCountryRules } from '$lib/server/guides/rules-editing.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const guide = await loadOrError(event, () => getGuideForEditing(event.locals.ctx, event.params.code));
	const rules = await listCountryRules(event.locals.ctx, guide.countryCode);
	return {
		counts: { routes: rules.routes.filter((r) => !r.withdrawnAt).length, rules: rules.rules.filter((r) => !r.withdrawnAt).length },
		guide: {
			code: guide.countryCode,
			name: countryName(guide.countryCode, event.locals.locale),
			texts: Object.fromEntries(GUIDE_TEXT_FIELDS.map((f) => [f, guide[f]])),
			sourceUrl: guide.sourceUrl ?? '',
			verifiedOn: guide.verifiedOn ?? '',
			unverified: guide.unverified,
			version: guide.version
		},
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const outcome = await runForm(event, (input) =>
			updateGuideTexts(event.locals.ctx, event.params.code, {
				...Object.fromEntries(GUIDE_TEXT_FIELDS.map((f) => [f, Object.fromEntries(LOCALES.map((l) => [l, input[`${f}.${l}`] ?? '']))])),
				sourceUrl: input.sourceUrl ?? '',
				verifiedOn: input.verifiedOn ?? '',
				unverified: input.unverified ?? '',
				version: input.version
			})
		);
		if (!outcome.ok) return outcome.failure;
		redirect(303, `/${event.locals.locale}/admin/countries/${event.params.code}?saved=1`);
	}
};
