import { describe, expect, it } from 'vitest';
import { checkAnswers, type Question } from './service-form';

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
});
