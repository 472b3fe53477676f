import type { Locale } from '$lib/i18n/locales';
import type { Actor } from '../access/policy';
import type { Db } from '../db/database';
import type { Config } from './config';
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
}

/** What every service call receives: the platform, who acts, for which request, in which language. */
export interface ServiceContext extends Platform {
	actor: Actor | null;
	requestId: string | null;
	locale: Locale;
}

export function systemContext(platform: Platform, locale: Locale = 'en'): ServiceContext {
	return { ...platform, actor: null, requestId: null, locale };
}

/** Runs `fn` in one transaction, with the context's db swapped for the transaction. */
export async function inTransaction<T>(ctx: ServiceContext, fn: (tx: ServiceContext) => Promise<T>): Promise<T> {
	return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}
