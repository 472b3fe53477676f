import { describe, expect, it } from 'vitest';
import { isoDateInput, slugInput } from './content-inputs';

describe('shared input rules', () => {
	it('accepts real dates only, without throwing on impossible ones', () => {
		expect(isoDateInput.safeParse('2028-02-29').success).toBe(true);
		for (const bad of ['2027-02-29', '2026-13-01', '2026-00-10', '2026-1-5', 'tomorrow']) expect(isoDateInput.safeParse(bad).success, bad).toBe(false);
	});

	it('keeps addresses to lower-case letters, digits and hyphens', () => {
		expect(slugInput.parse(' Open-Day-2027 ')).toBe('open-day-2027');
		for (const bad of ['-open', 'open-', 'a', 'open day', 'дни']) expect(slugInput.safeParse(bad).success, bad).toBe(false);
	});
});
