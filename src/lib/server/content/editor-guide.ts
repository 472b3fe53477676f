import type { Locale } from '$lib/i18n/locales';
import en from '$lib/help/editor-guide.en.md?raw';
import kk from '$lib/help/editor-guide.kk.md?raw';
import ru from '$lib/help/editor-guide.ru.md?raw';
import zh from '$lib/help/editor-guide.zh.md?raw';
import { renderMarkdown } from '../editing/markdown';

/** The built-in guide to updating the platform (WELCOME's WP3.2 training material), per language. */
const GUIDES: Record<Locale, string> = { en, ru, kk, zh };
const rendered = new Map<Locale, string>();

export function editorGuideHtml(locale: Locale): string {
	let html = rendered.get(locale);
	if (!html) rendered.set(locale, (html = renderMarkdown(GUIDES[locale])));
	return html;
}
