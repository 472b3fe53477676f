import { diffWords } from 'diff';
import { LOCALES, LOCALE_TAGS, type Locale } from '$lib/i18n/locales';
import type { LocalizedText } from '$lib/i18n/localized-text';

/** One piece of a readable diff: unchanged, added or removed text. */
export interface DiffPart {
	kind: 'same' | 'added' | 'removed';
	text: string;
}

/** What changed in one field (and, for translated fields, one language). */
export interface FieldChange {
	field: string;
	locale: Locale | null;
	parts: DiffPart[];
}

const segmenters = new Map<Locale, Intl.Segmenter>();
function segmenter(locale: Locale) {
	let found = segmenters.get(locale);
	if (!found) segmenters.set(locale, (found = new Intl.Segmenter(LOCALE_TAGS[locale], { granularity: 'word' })));
	return found;
}

/** A word-level diff; Chinese is split into words by the runtime's dictionary, not by spaces. */
export function diffText(before: string, after: string, locale: Locale | null = null): DiffPart[] {
	const changes = diffWords(before, after, locale ? { intlSegmenter: segmenter(locale) } : {});
	return changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

/**
 * The changes between two snapshots of a content item: translated fields language by
 * language, other fields as text. Fields that did not change are left out.
 */
export function diffSnapshots(
	before: Record<string, unknown> | null,
	after: Record<string, unknown>,
	fields: { localized: readonly string[]; plain: readonly string[] }
): FieldChange[] {
	const changes: FieldChange[] = [];
	for (const field of fields.localized) {
		const from = (before?.[field] ?? {}) as LocalizedText;
		const to = (after[field] ?? {}) as LocalizedText;
		for (const locale of LOCALES) {
			const a = from[locale] ?? '';
			const b = to[locale] ?? '';
			if (a !== b) changes.push({ field, locale, parts: diffText(a, b, locale) });
		}
	}
	for (const field of fields.plain) {
		const a = stringify(before?.[field]);
		const b = stringify(after[field]);
		if (a !== b) changes.push({ field, locale: null, parts: diffText(a, b) });
	}
	return changes;
}

function stringify(value: unknown): string {
	if (value === null || value === undefined) return '';
	return typeof value === 'string' ? value : JSON.stringify(value);
}
