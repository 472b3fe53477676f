import { formatDate, formatMoney, languageName } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import type { ImportedProgramme } from './programme-import';

/** What a programme page shows, formatted on the server (the public page and the workspace preview). */
export function presentProgramme(p: ImportedProgramme & { isDemo: boolean }, locale: Locale, today: string) {
	return {
		slug: p.slug,
		title: p.title,
		summary: p.summary,
		level: p.level,
		iscedCode: p.iscedCode,
		languages: p.languages.map((l) => languageName(l, locale)),
		languageCodes: p.languages,
		applicationDeadlineIso: p.applicationDeadline,
		durationMonths: p.durationMonths,
		credits: p.credits,
		startTerms: p.startTerms,
		isDemo: p.isDemo,
		tuition: p.tuitionAmount === null || (p.tuitionAmount !== 0 && !p.tuitionCurrency) ? null : p.tuitionAmount === 0 ? 0 : formatMoney(p.tuitionAmount, p.tuitionCurrency!, locale),
		applicationOpens: p.applicationOpens ? formatDate(p.applicationOpens, locale, 'long') : null,
		applicationDeadline: p.applicationDeadline ? formatDate(p.applicationDeadline, locale, 'long') : null,
		open: !!p.applicationOpens && !!p.applicationDeadline && p.applicationOpens <= today && today <= p.applicationDeadline
	};
}
export type PresentedProgramme = ReturnType<typeof presentProgramme>;
