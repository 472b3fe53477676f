import { createHash } from 'node:crypto';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import type { LocalizedText } from '$lib/i18n/localized-text';

/**
 * Which translations are missing or out of date. Every translatable field of a content item
 * has a source language (the institution's default); when a translation is written, the item
 * remembers a fingerprint of the source text it was translated from. If the source text later
 * changes and the translation does not, the fingerprints differ: the translation "needs review".
 */

/** field → locale → fingerprint of the source text the translation was made from. */
export type TranslationSources = Record<string, Partial<Record<Locale, string>>>;

export type TranslationState = 'ok' | 'missing' | 'stale';

export function fingerprint(text: string | undefined): string {
	return createHash('sha256')
		.update((text ?? '').trim())
		.digest('base64url')
		.slice(0, 16);
}

const text = (value: LocalizedText | undefined, locale: Locale) => value?.[locale]?.trim() ?? '';

/**
 * The sources after a save: a translation written or changed in this save is now based on the
 * current source text; one left as it was keeps its old base (and so becomes stale when the
 * source changed). Removed translations are forgotten.
 */
export function nextTranslationSources(
	fields: readonly string[],
	before: object | null,
	after: object,
	previous: TranslationSources,
	sourceLocale: Locale
): TranslationSources {
	const result: TranslationSources = {};
	const was = before as Record<string, LocalizedText | undefined> | null;
	const now_ = after as Record<string, LocalizedText | undefined>;
	for (const field of fields) {
		const source = text(now_[field], sourceLocale);
		const entries: Partial<Record<Locale, string>> = {};
		for (const locale of LOCALES) {
			if (locale === sourceLocale) continue;
			const now = text(now_[field], locale);
			if (!now) continue;
			const changed = !was || now !== text(was[field], locale);
			const known = previous[field]?.[locale];
			entries[locale] = changed || !known ? fingerprint(source) : known;
		}
		if (Object.keys(entries).length) result[field] = entries;
	}
	return result;
}

/** The state of each field's translation into `locale` (the source language is always ok). */
export function translationStates(
	fields: readonly string[],
	data: object,
	sources: TranslationSources,
	sourceLocale: Locale,
	locale: Locale
): Record<string, TranslationState> {
	const states: Record<string, TranslationState> = {};
	const values = data as Record<string, LocalizedText | undefined>;
	for (const field of fields) {
		const source = text(values[field], sourceLocale);
		if (locale === sourceLocale || !source) states[field] = 'ok';
		else if (!text(values[field], locale)) states[field] = 'missing';
		else states[field] = sources[field]?.[locale] === fingerprint(source) ? 'ok' : 'stale';
	}
	return states;
}

/** Per locale, the fields whose translation is missing and those that need review. */
export function translationGaps(
	fields: readonly string[],
	data: object,
	sources: TranslationSources,
	sourceLocale: Locale,
	locales: readonly Locale[] = LOCALES
) {
	return Object.fromEntries(
		locales.map((locale) => {
			const states = translationStates(fields, data, sources, sourceLocale, locale);
			return [
				locale,
				{
					missing: fields.filter((f) => states[f] === 'missing'),
					stale: fields.filter((f) => states[f] === 'stale')
				}
			];
		})
	) as Record<Locale, { missing: string[]; stale: string[] }>;
}
