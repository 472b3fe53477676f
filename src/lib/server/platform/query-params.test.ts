import { describe, expect, it } from 'vitest';
import { amountParam, oneOfParam, timeParam, wholeNumberParam } from './query-params';

describe('address parameters', () => {
	it('reads whole numbers and ignores everything else', () => {
		expect(wholeNumberParam('3')).toBe(3);
		for (const hostile of ['1e308', 'Infinity', '1.5', '-1', '0', 'abc', '', ' 2', '0x10', '99999999999999999', null, undefined]) {
			expect(wholeNumberParam(hostile), String(hostile)).toBeUndefined();
		}
		expect(wholeNumberParam('2147483648', 1, 2_147_483_647)).toBeUndefined();
	});

	it('reads ISO times with an offset and ignores everything else', () => {
		expect(timeParam('2026-11-30T10:15:00.123Z')?.toISOString()).toBe('2026-11-30T10:15:00.123Z');
		expect(timeParam('2026-11-30T10:15:00+05:00')?.toISOString()).toBe('2026-11-30T05:15:00.000Z');
		for (const hostile of ['1e308', 'Infinity', '1.5', 'yesterday', '2026-13-45T99:99:00Z', '2026-11-30', '\0', '', null]) {
			expect(timeParam(hostile), String(hostile)).toBeUndefined();
		}
	});

	it('reads sums of money as people type them and ignores everything else', () => {
		expect(amountParam('1800000')).toBe(1_800_000);
		expect(amountParam('1 800 000')).toBe(1_800_000);
		expect(amountParam('1\u202f800\u202f000')).toBe(1_800_000);
		expect(amountParam('615,50')).toBe(615.5);
		expect(amountParam('0')).toBe(0);
		for (const hostile of ['1e308', 'Infinity', 'NaN', '-5', '1.234', '1,800,000', '0x10', 'abc', '', '\0', '99999999999999', null, undefined]) {
			expect(amountParam(hostile), String(hostile)).toBeUndefined();
		}
	});

	it('reads one of a select’s values and ignores everything else', () => {
		const purposes = ['study', 'research'] as const;
		expect(oneOfParam('research', purposes)).toBe('research');
		for (const hostile of ['Research', 'research ', 'study,research', '\0', '', 'constructor', '__proto__', null, undefined]) {
			expect(oneOfParam(hostile, purposes), String(hostile)).toBeUndefined();
		}
	});
});
