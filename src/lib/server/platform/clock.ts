/**
 * What time it is, for services that decide by it (what is public yet, what is due). The
 * platform holds one (the system's); tests give a fixed one instead of waiting for real time.
 */
export interface Clock {
	now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays at `at` (tests). */
export const fixedClock = (at: Date | string): Clock => {
	const time = new Date(at).getTime();
	return { now: () => new Date(time) };
};
