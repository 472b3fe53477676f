import type { z } from 'zod';
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
	for (const [key, value] of form.entries()) if (typeof value === 'string') out[key] = key in out ? `${out[key]},${value}` : value;
	return out;
}

/** A comma-joined list from `formToObject` back as its values. */
export const listFromForm = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);
