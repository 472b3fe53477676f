import { afterEach, describe, expect, it, vi } from 'vitest';
import { Admission } from './admission';

/** A piece of work that ends when the test says so. */
function gate() {
	let open!: () => void;
	const opened = new Promise<void>((resolve) => (open = resolve));
	return { open, work: async () => opened };
}
const flush = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => vi.useRealTimers());

describe('page renders taken a few at a time', () => {
	it('runs up to the limit at once and the rest in arrival order', async () => {
		const admission = new Admission(2, 10, 60_000);
		const order: string[] = [];
		const gates = ['a', 'b', 'c', 'd'].map((name) => ({ name, ...gate() }));
		const done = gates.map((g) =>
			admission.run(
				async () => {
					order.push(`start ${g.name}`);
					await g.work();
					order.push(`end ${g.name}`);
					return g.name;
				},
				() => 'busy'
			)
		);
		await flush();
		expect(order).toEqual(['start a', 'start b']);
		expect([admission.running, admission.queued]).toEqual([2, 2]);
		gates[1]!.open();
		await flush();
		expect(order).toEqual(['start a', 'start b', 'end b', 'start c']);
		gates[0]!.open();
		gates[2]!.open();
		gates[3]!.open();
		expect(await Promise.all(done)).toEqual(['a', 'b', 'c', 'd']);
		expect([admission.running, admission.queued]).toEqual([0, 0]);
	});

	it('answers busy at once when the queue is full, and frees the place of work that failed', async () => {
		const admission = new Admission(1, 1, 60_000);
		const first = gate();
		const running = admission.run(first.work, () => 'busy');
		const queued = admission.run(async () => 'queued', () => 'busy');
		expect(await admission.run(async () => 'third', () => 'busy')).toBe('busy');
		first.open();
		await running;
		expect(await queued).toBe('queued');
		await expect(admission.run(async () => Promise.reject(new Error('boom')), () => 'busy')).rejects.toThrow('boom');
		expect(await admission.run(async () => 'after', () => 'busy')).toBe('after');
	});

	it('answers busy to whoever waited longer than the limit, and forgets them', async () => {
		vi.useFakeTimers();
		const admission = new Admission(1, 10, 1_000);
		const first = gate();
		const running = admission.run(first.work, () => 'busy');
		const waiting = admission.run(async () => 'late', () => 'busy');
		await vi.advanceTimersByTimeAsync(1_001);
		expect(await waiting).toBe('busy');
		expect(admission.queued).toBe(0);
		first.open();
		await running;
		expect(admission.running).toBe(0);
	});
});
