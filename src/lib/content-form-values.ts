import type { ContentForm } from '$lib/content-kinds';
import { LOCALES, type Locale } from '$lib/i18n/locales';

export type FormValues = Record<string, unknown>;

/** What the form shows: what was just submitted (after an error nothing typed is lost), else the saved data. */
export function formValues(spec: Pick<ContentForm, 'plain' | 'translated'>, submitted: Record<string, string> | null, saved: FormValues): FormValues {
	if (!submitted) return saved;
	const values: FormValues = {};
	for (const f of spec.plain) {
		values[f.name] = f.type === 'checkbox' ? submitted[f.name] === 'on' : f.type === 'checkboxes' ? (submitted[f.name] ?? '').split(',').filter(Boolean) : (submitted[f.name] ?? '');
	}
	for (const f of spec.translated) values[f.name] = Object.fromEntries(LOCALES.map((l) => [l, submitted[`${f.name}.${l}`] ?? ''])) as Partial<Record<Locale, string>>;
	return values;
}

/** An empty item of this type, for the "new" form. */
export function emptyValues(spec: Pick<ContentForm, 'plain' | 'translated'>): FormValues {
	return Object.fromEntries([...spec.plain.map((f) => [f.name, f.type === 'checkbox' ? false : f.type === 'checkboxes' ? [] : '']), ...spec.translated.map((f) => [f.name, {}])]);
}
