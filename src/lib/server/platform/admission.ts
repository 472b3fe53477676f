/**
 * How many page renders run at once in this process; the others wait their turn in arrival order.
 *
 * Every render awaits several queries on a small pool (PGlite has one connection). With fifty
 * renders started together their queries interleave, each render waits behind everyone else's
 * queries at every step, and all of them finish late together. Taken a few at a time, in arrival
 * order, the same throughput answers the early arrivals first (at 50 connections on PGlite the
 * staff queue's and the student space's timeouts went from 36 and 8 to none), and fewer renders
 * in flight hold less data in memory. A queue that would keep a visitor waiting longer than
 * `maxWaitMs`, or grows past `maxQueue`, answers "busy" (503) at once instead of late.
 */
export class Admission {
	private active = 0;
	private readonly waiting: { admit: () => void }[] = [];

	constructor(
		readonly limit: number,
		readonly maxQueue: number,
		readonly maxWaitMs: number
	) {}

	/** Runs `work` when a place is free; `busy()` instead when the queue is full or the wait ran out. */
	async run<T>(work: () => Promise<T>, busy: () => T): Promise<T> {
		if (this.active >= this.limit) {
			if (this.waiting.length >= this.maxQueue) return busy();
			const admitted = await new Promise<boolean>((resolve) => {
				const timer = setTimeout(() => {
					this.waiting.splice(this.waiting.indexOf(entry), 1);
					resolve(false);
				}, this.maxWaitMs);
				timer.unref?.();
				const entry = {
					admit: () => {
						clearTimeout(timer);
						resolve(true);
					}
				};
				this.waiting.push(entry);
			});
			if (!admitted) return busy();
		} else {
			this.active++;
		}
		try {
			return await work();
		} finally {
			// The place passes straight to the next in line (the count stays), or is freed.
			const next = this.waiting.shift();
			if (next) next.admit();
			else this.active--;
		}
	}

	get running() {
		return this.active;
	}

	get queued() {
		return this.waiting.length;
	}
}
