import { describe, expect, it } from 'vitest';
import { diffFields } from './audit.service';

describe('audit diffs', () => {
	it('records only the fields whose value changed', () => {
		expect(diffFields({ name: 'A', role: 'staff' }, { name: 'B', role: 'staff' })).toEqual({ name: { from: 'A', to: 'B' } });
	});
	it('compares translated fields by content', () => {
		expect(diffFields({ name: { en: 'X' } }, { name: { en: 'X' } })).toEqual({});
		expect(diffFields({ name: { en: 'X' } }, { name: { en: 'X', ru: 'Х' } })).toEqual({
			name: { from: { en: 'X' }, to: { en: 'X', ru: 'Х' } }
		});
	});
	it('treats a new record as changes from null', () => {
		expect(diffFields(null, { email: 'a@b.c' })).toEqual({ email: { from: null, to: 'a@b.c' } });
	});
});
