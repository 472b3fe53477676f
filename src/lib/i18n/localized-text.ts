import { BASE_LOCALE, LOCALES, type Locale } from './locales';

/**
 * THE pattern for translatable content (see docs/ARCHITECTURE.md, "Translated content"):
 * one JSON map per field, stored in a jsonb column, keyed by UI locale.
 *   name: { en: 'Tongji University', zh: '同济大学' }
 * A missing or blank entry means "not translated".
 */
export type LocalizedText = Partial<Record<Locale, string>>;

export interface ResolvedText {
	text: string;
	/** The locale the text is actually in. */
	locale: Locale;
	/** True when the text is not in the requested locale (the UI says so). */
	isFallback: boolean;
}

/** Requested locale → the owner's default language → English → any language present. */
export function fallbackChain(requested: Locale, ownerDefault?: Locale | null): Locale[] {
	const chain: Locale[] = [requested];
	for (const next of [ownerDefault, BASE_LOCALE, ...LOCALES]) {
		if (next && !chain.includes(next)) chain.push(next);
	}
	return chain;
}

export function resolveText(
	value: LocalizedText | null | undefined,
	requested: Locale,
	ownerDefault?: Locale | null
): ResolvedText | null {
	if (!value) return null;
	for (const locale of fallbackChain(requested, ownerDefault)) {
		const text = value[locale]?.trim();
		if (text) return { text, locale, isFallback: locale !== requested };
	}
	return null;
}

/** The locales among `expected` that have no text: what coverage views list as missing. */
export function missingLocales(value: LocalizedText | null | undefined, expected: readonly Locale[] = LOCALES): Locale[] {
	return expected.filter((locale) => !value?.[locale]?.trim());
}

/** Drops blank entries and trims the rest, so "not translated" has one representation. */
export function cleanLocalizedText(value: Partial<Record<string, unknown>>): LocalizedText {
	const result: LocalizedText = {};
	for (const locale of LOCALES) {
		const text = value[locale];
		if (typeof text === 'string' && text.trim()) result[locale] = text.trim();
	}
	return result;
}
