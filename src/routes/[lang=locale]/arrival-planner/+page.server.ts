import { COUNTRY_CODES } from '$lib/i18n/countries';
import { countryName, formatDate, compareText } from '$lib/i18n/format';
import { resolveText } from '$lib/i18n/localized-text';
import { type Locale } from '$lib/i18n/locales';
import { t, translateFields } from '$lib/i18n/messages';
import { listInstitutions } from '$lib/server/institutions/institutions.service';
import { planArrival } from '$lib/server/guides/planner.service';
import { AppError } from '$lib/server/platform/errors';
import { oneOfParam } from '$lib/server/platform/query-params';
import { STAY_PURPOSES } from '$lib/welcome/stay-purpose';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

const FIELDS = ['institution', 'nationality', 'stay', 'arrival', 'time', 'housing', 'purpose'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const locale = locals.locale;
	const query = Object.fromEntries(FIELDS.map((f) => [f, url.searchParams.get(f) ?? ''])) as Record<(typeof FIELDS)[number], string>;
	const institutions = (await listInstitutions(locals.ctx))
		.map((i) => ({ slug: i.slug, label: `${resolveText(i.name, locale, i.defaultLocale as Locale)?.text ?? i.shortName} (${i.shortName})` }))
		.sort((a, b) => compareText(a.label, b.label, locale));
	const nationalities = COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
		compareText(a.name, b.name, locale)
	);
	// A purpose the form does not offer is ignored: the plan is for study, and so is the select.
	const form = { institutions, nationalities, values: { ...query, purpose: oneOfParam(query.purpose, STAY_PURPOSES) ?? 'study' } };
	if (!url.searchParams.has('arrival')) return { ...form, plan: null, errors: {} as Record<string, string> };

	try {
		const plan = await planArrival(locals.ctx, query);
		const instName = resolveText(plan.institution.name, locale, plan.institution.defaultLocale as Locale)?.text ?? plan.institution.shortName;
		return {
			...form,
			errors: {} as Record<string, string>,
			plan: {
				...plan,
				institutionName: instName,
				country: countryName(plan.institution.countryCode, locale),
				dates: Object.fromEntries(plan.steps.map((s) => [s.due.date, formatDate(s.due.date, locale, 'long')])),
				icsHref: `/${locale}/arrival-planner/calendar.ics?${url.searchParams.toString()}`
			}
		};
	} catch (err) {
		if (!(err instanceof AppError)) throw err;
		return { ...form, plan: null, errors: translateFields(err.fields, locale), message: t(err.messageKey, locale) };
	}
};
