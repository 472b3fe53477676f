import { describe, expect, it } from 'vitest';
import { timeParam, wholeNumberParam } from './query-params';

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
});
