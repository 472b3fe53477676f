import type { Locale } from '$lib/i18n/locales';
import { resolveText } from '$lib/i18n/localized-text';
import { conditionCount, contentFromForm, type FormValues } from './agreement-form';
import type { editorChoices } from './agreements.service';

type Choices = Awaited<ReturnType<typeof editorChoices>>;

/** The units of a side as the editor's options. */
export function unitOptions(side: Choices['own'] | null, locale: Locale) {
	return (side?.units ?? []).map((u) => ({ value: u.ounitId, label: `${resolveText(u.name, locale)?.text ?? u.ounitId} (${u.ounitId})` }));
}

/** The form's values posted back with one more condition fieldset ("add a condition", no save). */
export function withOneMoreCondition(input: FormValues) {
	return { values: { ...input, count: String(Math.max(1, conditionCount(input)) + 1) } };
}

/** The content a posted editor form describes, between the two sides of `choices`. */
export function contentOf(input: FormValues, choices: Choices) {
	return contentFromForm({ ...input, count: String(Math.max(1, conditionCount(input))) }, choices.own.partner.heiId, choices.partner?.partner.heiId ?? '');
}
