import { describe, expect, it } from 'vitest';
import { contentFromForm } from './agreement-form';
import { conditionQuotas, exchangesUnder } from './quota';

describe('use against quota', () => {
	it('counts linked people per academic year against each incoming condition, and leaves outgoing ones out', () => {
		const content = contentFromForm(
			{
				count: '2',
				'c0.kind': 'staff-teacher', 'c0.direction': 'in', 'c0.firstYear': '2025/2026', 'c0.lastYear': '2027/2028', 'c0.mobilities': '2',
				'c1.kind': 'student-studies', 'c1.direction': 'out', 'c1.firstYear': '2025/2026', 'c1.lastYear': '2026/2027', 'c1.mobilities': '4'
			},
			'enu.kz',
			'upc.edu'
		);
		const usage = [
			{ kind: 'staff-teacher', year: 2025, count: 1 },
			{ kind: 'staff-teacher', year: 2026, count: 3 },
			{ kind: 'staff-training', year: 2026, count: 5 },
			{ kind: 'staff-teacher', year: null, count: 1 }
		];
		expect(conditionQuotas(content, usage)).toEqual([
			[
				{ year: '2025/2026', used: 1, quota: 2, over: false },
				{ year: '2026/2027', used: 3, quota: 2, over: true },
				{ year: '2027/2028', used: 0, quota: 2, over: false }
			],
			null
		]);
		expect(exchangesUnder(usage)).toBe(10);
	});
});
