import { LOCALES, type Locale } from '$lib/i18n/locales';

type Texts = Partial<Record<Locale, string>>;
export interface NewsFormValues {
	slug: string;
	title: Texts;
	summary: Texts;
	body: Texts;
}

/** What the form shows: what was just submitted (after an error, nothing typed is lost), else the saved text. */
export function formValues(submitted: Record<string, string> | null, saved: NewsFormValues): NewsFormValues {
	if (!submitted) return saved;
	const texts = (field: string) => Object.fromEntries(LOCALES.map((l) => [l, submitted[`${field}.${l}`] ?? ''])) as Texts;
	return { slug: submitted.slug ?? saved.slug, title: texts('title'), summary: texts('summary'), body: texts('body') };
}
