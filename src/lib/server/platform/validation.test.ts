import { describe, expect, it } from 'vitest';
import { formToObject, listFromForm } from './validation';

describe('reading a submitted form', () => {
	it('keeps every ticked box of a group, and drops files', () => {
		const form = new FormData();
		form.append('title', 'Hello');
		form.append('services', 'buddy');
		form.append('services', 'airport_pickup');
		form.append('photo', new Blob(['x']), 'a.jpg');
		const input = formToObject(form);
		expect(input).toEqual({ title: 'Hello', services: 'buddy,airport_pickup' });
		expect(listFromForm(input.services)).toEqual(['buddy', 'airport_pickup']);
		expect(listFromForm(input.missing)).toEqual([]);
	});
});
