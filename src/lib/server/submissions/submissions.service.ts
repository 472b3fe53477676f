import { lt } from 'drizzle-orm';
import type { ServiceContext } from '../platform/context';
import { formSubmission } from './submissions.tables';

/** How long a form's key is remembered: far longer than any double click or resent POST. */
const KEPT_HOURS = 24;

/** A key a form carries: what `newSubmissionKey` makes, nothing else. */
const KEY = /^[\w-]{16,64}$/;

/** A fresh key for a form that must take effect once (pages put it in a hidden field). */
export const newSubmissionKey = () => crypto.randomUUID();

/**
 * Claims a form submission for the signed-in person, inside the transaction of the change it
 * makes. The same form sent twice (a double click, with or without JavaScript, or the browser
 * resending it) carries the same key: the second claim waits for the first transaction and
 * then returns false, and the caller skips the change. Without a key (an old page) the change
 * goes ahead as before.
 */
export async function claimSubmission(tx: ServiceContext, key: string | undefined): Promise<boolean> {
	const actorId = tx.actor?.userId;
	if (!actorId || !key || !KEY.test(key)) return true;
	const claimed = await tx.db.insert(formSubmission).values({ actorId, key }).onConflictDoNothing().returning({ key: formSubmission.key });
	if (claimed.length === 0) return false;
	await tx.db.delete(formSubmission).where(lt(formSubmission.at, new Date(Date.now() - KEPT_HOURS * 3_600_000)));
	return true;
}

/** Thrown inside a transaction whose form was already carried out: it rolls back, and the caller answers as the first time. */
export class RepeatedSubmission extends Error {
	constructor() {
		super('this form was already submitted');
		this.name = 'RepeatedSubmission';
	}
}

/** `claimSubmission` for changes that must roll back as a whole on a repeat. */
export async function onlyOnce(tx: ServiceContext, key: string | undefined) {
	if (!(await claimSubmission(tx, key))) throw new RepeatedSubmission();
}
