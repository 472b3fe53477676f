import type { LocalizedText } from '$lib/i18n/localized-text';
import type { MessageKey } from '$lib/i18n/messages';

/**
 * The information a welcome-centre service asks for, as its institution designs it: questions
 * of a few types, each with a label and help in every language, required or not, and the
 * documents to upload. Shared by the server (which validates designs and answers) and the
 * pages (which render the form). Pure.
 */
export const QUESTION_TYPES = ['text', 'textarea', 'number', 'date', 'email', 'checkbox', 'select'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const AUDIENCES = ['student', 'staff', 'researcher', 'family'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface Question {
	key: string;
	type: QuestionType;
	required: boolean;
	label: LocalizedText;
	help: LocalizedText;
	/** Select only: the choices, in order; an answer is the choice's position (1, 2, …). */
	choices: LocalizedText[];
}

export interface DocumentRequest {
	key: string;
	required: boolean;
	label: LocalizedText;
}

export const MAX_QUESTIONS = 30;
export const MAX_DOCUMENTS = 10;
export const QUESTION_KEY = /^[a-z][a-z0-9_]{0,39}$/;

export type AnswerErrors = Record<string, MessageKey>;
export type Answers = Record<string, string | number | boolean | null>;

/**
 * Checks an applicant's answers against a design: required questions answered, numbers,
 * dates, e-mail addresses and choices well formed. Returns the cleaned answers and an error
 * per question key.
 */
export function checkAnswers(questions: readonly Question[], input: Record<string, string | undefined>): { answers: Answers; errors: AnswerErrors } {
	const answers: Answers = {};
	const errors: AnswerErrors = {};
	for (const q of questions) {
		const raw = (input[q.key] ?? '').trim();
		if (q.type === 'checkbox') {
			const ticked = raw === 'on' || raw === 'true' || raw === '1';
			if (q.required && !ticked) errors[q.key] = 'error_required';
			answers[q.key] = ticked;
			continue;
		}
		if (!raw) {
			if (q.required) errors[q.key] = 'error_required';
			answers[q.key] = null;
			continue;
		}
		if (raw.length > (q.type === 'textarea' ? 5000 : 300)) errors[q.key] = 'error_too_long';
		else if (q.type === 'number' && !/^-?\d+([.,]\d+)?$/.test(raw)) errors[q.key] = 'error_import_number';
		else if (q.type === 'date' && !isRealDate(raw)) errors[q.key] = 'error_date_invalid';
		else if (q.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) errors[q.key] = 'error_email_invalid';
		else if (q.type === 'select' && !(/^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= q.choices.length)) errors[q.key] = 'error_choose_one';
		answers[q.key] = q.type === 'number' ? Number(raw.replace(',', '.')) : raw;
	}
	return { answers, errors };
}

function isRealDate(value: string) {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The text of a choice answer in a language (for staff and letters). */
export function choiceText(q: Question, answer: unknown, pick: (text: LocalizedText) => string | undefined): string | null {
	if (q.type !== 'select' || typeof answer !== 'string') return null;
	const choice = q.choices[Number(answer) - 1];
	return choice ? (pick(choice) ?? null) : null;
}


/**
 * A case's answers as label and text, in the design's order (for the applicant and for staff).
 * Date answers are stored as ISO dates and shown with `formatDate`, the reader's format (the
 * server passes `$lib/i18n/format`'s, so browsers without Kazakh data never re-format them).
 */
export function answerRows(questions: readonly Question[], answers: Answers, pick: (text: LocalizedText) => string | undefined, formatDate: (isoDate: string) => string) {
	return questions.map((q) => {
		const a = answers[q.key];
		const date = q.type === 'date' && typeof a === 'string' && isRealDate(a) ? formatDate(a) : null;
		return { key: q.key, label: pick(q.label) ?? q.key, value: date ?? choiceText(q, a, pick) ?? (typeof a === 'boolean' ? (a ? '✓' : '—') : a === null || a === undefined ? '—' : String(a)) };
	});
}
