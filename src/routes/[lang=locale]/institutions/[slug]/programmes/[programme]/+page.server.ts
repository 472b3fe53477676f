import { countryName, formatDate, formatMoney } from '$lib/i18n/format';
import { LOCALE_TAGS } from '$lib/i18n/locales';
import { getProgramme } from '$lib/server/programmes/programmes.service';
import { todayIn } from '$lib/server/guides/planner.service';
import { loadOrError } from '$lib/server/http';
import { presentScholarship } from '$lib/server/scholarships/present';
import { scholarshipsForProgramme } from '$lib/server/scholarships/scholarships.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locale } = event.locals;
	const { programme: p, institution } = await loadOrError(event, () => getProgramme(event.locals.ctx, event.params.slug, event.params.programme));
	const languageNames = new Intl.DisplayNames([LOCALE_TAGS[locale]], { type: 'language' });
	const today = todayIn('UTC');
	const scholarships = await scholarshipsForProgramme(event.locals.ctx, { countryCode: institution.countryCode, institutionId: p.institutionId, level: p.level, iscedCode: p.iscedCode });
	return {
		scholarships: scholarships.map((s) => presentScholarship(s, locale)),
		programme: {
			slug: p.slug,
			title: p.title,
			summary: p.summary,
			level: p.level,
			iscedCode: p.iscedCode,
			languages: p.languages.map((l) => languageNames.of(l) ?? l),
			languageCodes: p.languages,
			applicationDeadlineIso: p.applicationDeadline,
			durationMonths: p.durationMonths,
			credits: p.credits,
			startTerms: p.startTerms,
			isDemo: p.isDemo,
			tuition: p.tuitionAmount === null || !p.tuitionCurrency ? null : p.tuitionAmount === 0 ? 0 : formatMoney(p.tuitionAmount, p.tuitionCurrency, locale),
			applicationOpens: p.applicationOpens ? formatDate(p.applicationOpens, locale, 'long') : null,
			applicationDeadline: p.applicationDeadline ? formatDate(p.applicationDeadline, locale, 'long') : null,
			open: !!p.applicationOpens && !!p.applicationDeadline && p.applicationOpens <= today && today <= p.applicationDeadline
		},
		institution: { ...institution, country: countryName(institution.countryCode, locale) }
	};
};
