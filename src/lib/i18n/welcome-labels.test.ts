import { describe, expect, it } from 'vitest';
import { letterTitleBesidesKind } from './welcome-labels';

describe("a verified letter's name", () => {
	it('shows the title only where it differs from the kind, so "邀请函 (邀请函)" becomes "邀请函"', () => {
		expect(letterTitleBesidesKind('邀请函', '邀请函')).toBeNull();
		expect(letterTitleBesidesKind('Letter of invitation', ' letter of  invitation ')).toBeNull();
		expect(letterTitleBesidesKind('Letter of invitation', '')).toBeNull();
	});

	it("keeps a title in another language or an institution's own wording", () => {
		expect(letterTitleBesidesKind('邀请函', 'Letter of invitation')).toBe('Letter of invitation');
		expect(letterTitleBesidesKind('Letter of invitation', 'Invitation for a study visa')).toBe('Invitation for a study visa');
	});
});
