import { CONTENT_FORMS, type ContentForm, type ContentKind, type PlainFieldSpec } from '$lib/content-kinds';
import { LOCALES, type Locale } from '$lib/i18n/locales';

/**
 * A content type's posted form read by its form spec ($lib/content-kinds.ts), so the fields are
 * declared once for the page and the reader. Reading checks nothing: values go to the service
 * as sent (its zod schema trims, converts and refuses), so a hostile form can only fail
 * validation there.
 */

/** A field as the service receives it: text as sent, a group of boxes as its values, a translated field as a text per language. */
export type ContentFieldInput = string | string[] | Record<Locale, string>;
/** Every type's first plain field is its address, `slug`, a text (content-form.test.ts checks it). */
export type ContentFormInput = { slug: string } & Record<string, ContentFieldInput>;

type FieldsSpec = Pick<ContentForm, 'plain' | 'translated'>;

/** A posted value: the form's own key only (never `__proto__`, `toString`… inherited), and only text. */
function sent(form: Record<string, string>, key: string): string | undefined {
	if (form == null || !Object.hasOwn(form, key)) return undefined;
	const value = form[key];
	return typeof value === 'string' ? value : undefined;
}

/**
 * One plain field: a group of boxes (`checkboxes`, sent comma-joined by `formToObject`) as the
 * list of its ticked values; anything else as sent, a missing or blank one as its `ifBlank`
 * (or ''). A tick box is 'on' when ticked and '' when not: the schema makes it a boolean.
 */
export function readPlainField(field: Pick<PlainFieldSpec, 'type' | 'ifBlank'>, value: string | undefined): string | string[] {
	if (field.type === 'checkboxes') return value ? value.split(',').filter(Boolean) : [];
	return value || (field.ifBlank ?? '');
}

/** One translated field: `title.en`, `title.ru`… as { en, ru, kk, zh }, '' for a language not sent. */
export function readTranslatedField(form: Record<string, string>, name: string): Record<Locale, string> {
	return Object.fromEntries(LOCALES.map((locale) => [locale, sent(form, `${name}.${locale}`) ?? ''])) as Record<Locale, string>;
}

/** The editor's posted fields (flat, as `formToObject` gives them) → the service's input, by the type's form spec. Other keys are ignored. */
export function readContentForm(kind: ContentKind | FieldsSpec, form: Record<string, string>): ContentFormInput {
	const spec = typeof kind === 'string' ? CONTENT_FORMS[kind] : kind;
	const input: Record<string, ContentFieldInput> = {};
	for (const field of spec.plain) input[field.name] = readPlainField(field, sent(form, field.name));
	for (const field of spec.translated) input[field.name] = readTranslatedField(form, field.name);
	return input as ContentFormInput;
}

/** A type's field names, in form order (`slug` first): its plain and its translated ones. */
export function contentFieldNames(kind: ContentKind | FieldsSpec) {
	const spec = typeof kind === 'string' ? CONTENT_FORMS[kind] : kind;
	return { plain: spec.plain.map((f) => f.name), translated: spec.translated.map((f) => f.name) };
}
