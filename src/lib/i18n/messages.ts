import { m } from '$lib/paraglide/messages';
import type { Locale } from './locales';

export type MessageKey = keyof typeof m;
type Params = Record<string, string | number>;

/** Translates a message by key in an explicit locale (server code: errors, mail). */
export function t(key: MessageKey, locale: Locale, params: Params = {}): string {
	const message = m[key] as unknown as (p: Params, o: { locale: Locale }) => string;
	return message(params, { locale });
}

export function isMessageKey(value: string): value is MessageKey {
	return Object.prototype.hasOwnProperty.call(m, value);
}

/** Translates a map of field → message key (form errors). */
export function translateFields(fields: Partial<Record<string, MessageKey>>, locale: Locale): Record<string, string> {
	return Object.fromEntries(Object.entries(fields).map(([field, key]) => [field, t(key as MessageKey, locale)]));
}
