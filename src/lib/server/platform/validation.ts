import { z } from 'zod';
import type { ZodObject, ZodType } from 'zod';
import { isMessageKey, type MessageKey } from '$lib/i18n/messages';
import { invalidInput } from './errors';

/**
 * Parses input with a module's schema. Schemas give message keys as their error text
 * (`z.string().min(1, 'error_required')`); an invalid field without one gets 'error_invalid'.
 * Throws AppError(invalid_input) with a message key per field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fields: Partial<Record<string, MessageKey>> = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? '_form');
		if (fields[field]) continue;
		fields[field] = isMessageKey(issue.message) ? issue.message : 'error_invalid';
	}
	throw invalidInput(fields);
}

/**
 * A FormData as a plain object of strings; files are dropped. A name sent several times (a
 * group of checkboxes) arrives as its values joined by commas, so a form shown again after an
 * error keeps every box that was ticked.
 */
export function formToObject(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [rawKey, rawValue] of form.entries()) {
		if (typeof rawValue !== 'string') continue;
		// NUL is never typed by a person and PostgreSQL refuses it in text: drop it here, once.
		const key = rawKey.replaceAll('\0', '');
		const value = rawValue.replaceAll('\0', '');
		out[key] = key in out ? `${out[key]},${value}` : value;
	}
	return out;
}

/**
 * The version a form started from (optimistic locking). A form without a usable one was not
 * sent by our page as it was: refused with a clear message instead of failing in the database.
 */
export function parseVersion(value: unknown, min = 1): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	const version = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
	if (!(version >= min)) throw invalidInput({}, 'error_form_incomplete');
	return version;
}

/** A comma-joined list from `formToObject` back as its values. */
export const listFromForm = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);

/** The rows of a repeating group in a form (`q.0.key`, `q.1.type`…): their indexes, in order (at most 100). */
export function formRowIndexes(input: Record<string, string>, prefix: string) {
	const found = new Set<number>();
	const pattern = new RegExp(`^${prefix}\\.(\\d+)\\.`);
	for (const key of Object.keys(input)) {
		const m = pattern.exec(key);
		if (m && Number(m[1]) < 100) found.add(Number(m[1]));
	}
	return [...found].sort((a, b) => a - b);
}

/**
 * Parses each field of an object schema on its own: every field's error at once, and the
 * values that did parse, so rules across fields can still be checked and reported together.
 */
export function parseEachField<S extends ZodObject<Record<string, ZodType>>>(schema: S, input: Record<string, string | undefined>) {
	const values: Partial<z.output<S>> = {};
	const errors: Record<string, MessageKey> = {};
	for (const [key, field] of Object.entries(schema.shape)) {
		const result = field.safeParse(input[key] ?? '');
		if (result.success) (values as Record<string, unknown>)[key] = result.data;
		else {
			const message = result.error.issues[0]?.message ?? '';
			errors[key] = isMessageKey(message) ? message : 'error_invalid';
		}
	}
	return { values, errors };
}

/** Whether a URL or form value can be a row id: anything else is answered as not found, never sent to SQL. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && z.uuid().safeParse(value).success;
