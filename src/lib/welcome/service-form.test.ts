import { describe, expect, it } from 'vitest';
import { formatDate } from '$lib/i18n/format';
import { LOCALES } from '$lib/i18n/locales';
import { answerRows, checkAnswers, type Question } from './service-form';

const q = (key: string, type: Question['type'], required = true, choices: Question['choices'] = []): Question => ({ key, type, required, label: { en: key }, help: {}, choices });

describe('answers to a service’s questions', () => {
	const questions = [
		q('flight', 'text'),
		q('arrival', 'date'),
		q('passengers', 'number'),
		q('contact', 'email', false),
		q('terminal', 'select', true, [{ en: 'T1' }, { en: 'T2' }]),
		q('consent', 'checkbox'),
		q('notes', 'textarea', false)
	];

	it('accepts well-formed answers and cleans them', () => {
		const { answers, errors } = checkAnswers(questions, { flight: ' KC 123 ', arrival: '2027-08-30', passengers: '2', contact: '', terminal: '2', consent: 'on' });
		expect(errors).toEqual({});
		expect(answers).toEqual({ flight: 'KC 123', arrival: '2027-08-30', passengers: 2, contact: null, terminal: '2', consent: true, notes: null });
	});

	it('names every problem by question', () => {
		const { errors } = checkAnswers(questions, { flight: '', arrival: '2027-02-30', passengers: 'two', contact: 'me at example', terminal: '3', notes: 'x'.repeat(5001) });
		expect(errors).toEqual({
			flight: 'error_required',
			arrival: 'error_date_invalid',
			passengers: 'error_import_number',
			contact: 'error_email_invalid',
			terminal: 'error_choose_one',
			consent: 'error_required',
			notes: 'error_too_long'
		});
	});

	it.each(LOCALES)('shows date answers in the reader’s format (%s), other answers as given', (locale) => {
		const rows = answerRows(questions, { flight: '2027-08-24', arrival: '2027-08-24', passengers: 2, contact: null, terminal: '2', consent: true, notes: null }, (t) => t.en, (d) => formatDate(d, locale, 'long'));
		const value = Object.fromEntries(rows.map((r) => [r.key, r.value]));
		expect(value.arrival).toBe(formatDate('2027-08-24', locale, 'long'));
		expect(value.arrival).not.toContain('2027-08-24');
		expect(value.arrival).toMatch(/24/);
		// A text answer that looks like a date is what the person typed.
		expect(value).toMatchObject({ flight: '2027-08-24', passengers: '2', contact: '—', terminal: 'T2', consent: '✓' });
	});
});
