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

/** A FormData as a plain object of strings (the last value wins; files are dropped). */
export function formToObject(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of form.entries()) if (typeof value === 'string') out[key] = value;
	return out;
}
