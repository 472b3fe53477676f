import { z } from 'zod';
import { isCountryCode } from '$lib/i18n/countries';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import type { MessageKey } from '$lib/i18n/messages';

/** Input rules every editable content type shares (its form reader and zod schema use them). */

/** The zod shape of one translated field: a text per UI language, trimmed, with a length cap. */
export const localizedInput = (max: number) =>
	z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().max(max, 'error_too_long').optional()])) as Record<Locale, z.ZodOptional<z.ZodString>>);

export const slugInput = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$/, 'error_slug_invalid');

/** The official page a fact comes from (guides, visa routes, arrival steps): required. */
export const sourceUrlInput = z
	.string()
	.trim()
	.max(300, 'error_too_long')
	.refine((v) => /^https?:\/\/[^\s]+$/i.test(v), 'error_url_invalid');

/** A real calendar date written YYYY-MM-DD (2026-02-30 and 2026-13-01 are refused, not thrown). */
export const isoDateInput = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'error_date_invalid')
	.refine((v) => {
		const d = new Date(`${v}T00:00:00Z`);
		return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
	}, 'error_date_invalid');

/** Reads `title.en`, `title.ru`… from a flat form into { title: { en, ru } }. */
export function translatedFromForm(input: Record<string, string>, fields: readonly string[]) {
	return Object.fromEntries(fields.map((field) => [field, Object.fromEntries(LOCALES.map((l) => [l, input[`${field}.${l}`] ?? '']))]));
}

/** A tick box: sent as "on" when ticked, absent when not. */
export const checkboxInput = z
	.union([z.boolean(), z.string()])
	.optional()
	.transform((v) => v === true || v === 'on' || v === '1' || v === 'true');

/** Two-letter country codes, comma- or space-separated (or a list), upper-cased, each known. */
export const countryListInput = z
	.union([z.string(), z.array(z.string())])
	.transform((v) => [...new Set((Array.isArray(v) ? v : v.split(/[\s,;]+/)).map((c) => c.trim().toUpperCase()).filter(Boolean))])
	.refine((codes) => codes.every(isCountryCode), 'error_country_invalid');

/** A whole number from `min` to `max`, or nothing (an empty field); spaces between digits are allowed. */
export const optionalWholeInput = (max: number, message: MessageKey = 'error_number_range', min = 0) =>
	z
		.union([z.number(), z.string()])
		.transform((v) => (typeof v === 'number' ? String(v) : v.trim().replace(/[\s\u00a0]/g, '')))
		.refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), message)
		.transform((v) => (v === '' ? null : Number(v)));
