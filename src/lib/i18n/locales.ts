/** The UI languages. Every one is complete: a test compares the message key sets. */
export const LOCALES = ['en', 'ru', 'kk', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const BASE_LOCALE: Locale = 'en';

/** BCP 47 tags for <html lang>, hreflang and Intl. */
export const LOCALE_TAGS: Record<Locale, string> = {
	en: 'en',
	ru: 'ru',
	kk: 'kk',
	zh: 'zh-Hans'
};

/** Each language's own name, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
	en: 'English',
	ru: 'Русский',
	kk: 'Қазақша',
	zh: '简体中文'
};

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the best UI locale from an Accept-Language header, honouring q-values.
 * "zh-CN", "zh-Hans", "zh-SG" → zh; "kk-KZ" → kk; anything unknown → English.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
	if (!header) return BASE_LOCALE;
	const ranked = header
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const quality = q ? Number.parseFloat(q.slice(2)) : 1;
			return { tag: tag.toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
		})
		.filter((entry) => entry.tag && entry.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index);
	for (const { tag } of ranked) {
		const primary = tag.split('-')[0];
		if (primary === 'zh' && /-(hant|tw|hk|mo)\b/.test(tag)) continue; // Traditional: not offered
		if (isLocale(primary)) return primary;
	}
	return BASE_LOCALE;
}

/** Replaces the locale segment of a path: /ru/institutions → /zh/institutions. */
export function switchLocaleInPath(pathname: string, target: Locale): string {
	const segments = pathname.split('/');
	if (isLocale(segments[1])) {
		segments[1] = target;
		return segments.join('/');
	}
	return `/${target}${pathname === '/' ? '' : pathname}`;
}
