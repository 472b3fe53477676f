import { describe, expect, it } from 'vitest';
import { instantToZoned, zonedToInstant } from './time';

describe('wall-clock times in a time zone', () => {
	it('reads a time in Astana, Shanghai and Berlin (summer and winter)', () => {
		expect(zonedToInstant('2027-03-01T09:00', 'Asia/Almaty')?.toISOString()).toBe('2027-03-01T04:00:00.000Z');
		expect(zonedToInstant('2027-03-01T09:00', 'Asia/Shanghai')?.toISOString()).toBe('2027-03-01T01:00:00.000Z');
		expect(zonedToInstant('2027-07-01T09:00', 'Europe/Berlin')?.toISOString()).toBe('2027-07-01T07:00:00.000Z');
		expect(zonedToInstant('2027-01-15T09:00', 'Europe/Berlin')?.toISOString()).toBe('2027-01-15T08:00:00.000Z');
	});

	it('rejects impossible dates and malformed input', () => {
		expect(zonedToInstant('2027-02-30T09:00', 'UTC')).toBeNull();
		expect(zonedToInstant('2027-13-01T09:00', 'UTC')).toBeNull();
		expect(zonedToInstant('2027-01-01T25:00', 'UTC')).toBeNull();
		expect(zonedToInstant('tomorrow', 'UTC')).toBeNull();
	});

	it('writes an instant back as the local time', () => {
		expect(instantToZoned(new Date('2027-03-01T04:00:00Z'), 'Asia/Almaty')).toBe('2027-03-01T09:00');
	});
});
