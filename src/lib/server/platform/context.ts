import type { Locale } from '$lib/i18n/locales';
import type { Actor } from '../access/policy';
import type { Db } from '../db/database';
import type { Config } from './config';
import type { Clock } from './clock';
import type { Logger } from './logger';
import type { Mailer } from '../mail/mailer';
import type { Auth } from '../auth/auth';
import type { MediaStorage } from '../media/storage';

/** What the running platform holds once: made at start-up, or per test file. */
export interface Platform {
	db: Db;
	config: Config;
	logger: Logger;
	mailer: Mailer;
	auth: Auth;
	/** Uploaded files (local disk or S3-compatible). */
	media: MediaStorage;
	/** What time it is (platform/clock.ts): the system's, or a test's. */
	clock: Clock;
}

/** What every service call receives: the platform, who acts, for which request, in which language. */
export interface ServiceContext extends Platform {
	actor: Actor | null;
	requestId: string | null;
	locale: Locale;
	/** Inside `inTransaction`: what runs once the outermost transaction has committed. */
	afterCommit?: (() => void)[];
}

export function systemContext(platform: Platform, locale: Locale = 'en'): ServiceContext {
	return { ...platform, actor: null, requestId: null, locale };
}

/**
 * Runs `fn` in one transaction, with the context's db swapped for the transaction. Once the
 * outermost transaction commits, what `afterCommit` collected runs and queued mail leaves; a
 * rollback drops both, so nothing outside the database hears of a change that did not happen.
 */
export async function inTransaction<T>(ctx: ServiceContext, fn: (tx: ServiceContext) => Promise<T>): Promise<T> {
	if (ctx.afterCommit) return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
	const pending: (() => void)[] = [];
	const result = await ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db, afterCommit: pending }));
	ctx.mailer.deliverNow();
	for (const effect of pending) runEffect(ctx, effect);
	return result;
}

/** Runs `effect` after the transaction `ctx` is in commits, or now when it is in none. */
export function afterCommit(ctx: ServiceContext, effect: () => void) {
	if (ctx.afterCommit) ctx.afterCommit.push(effect);
	else runEffect(ctx, effect);
}

function runEffect(ctx: ServiceContext, effect: () => void) {
	try {
		effect();
	} catch (error) {
		// The change is committed; a failed side effect is reported, not turned into a failed request.
		ctx.logger.error('after-commit effect failed', { error });
	}
}
