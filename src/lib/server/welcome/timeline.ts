/**
 * The state of one step of a person's arrival timeline on a given day. Pure; `today` is the
 * date at the destination.
 */
export type StepState = 'done' | 'overdue' | 'due_soon' | 'upcoming';

/** Days before a deadline from which a step shows as due soon (and its reminder goes out). */
export const DUE_SOON_DAYS = 3;

export function stepState(dueDate: string, today: string, done: boolean): StepState {
	if (done) return 'done';
	if (dueDate < today) return 'overdue';
	const soon = new Date(`${today}T00:00:00Z`);
	soon.setUTCDate(soon.getUTCDate() + DUE_SOON_DAYS);
	return dueDate <= soon.toISOString().slice(0, 10) ? 'due_soon' : 'upcoming';
}
