/**
 * Lists that every visitor's pages show alike and that only an edit changes (the finder's
 * institutions, …), kept in this process's memory: read once per content change instead of on
 * every request. Any content change clears them with the page cache (here, and in the sibling
 * workers through the cluster primary); other servers of the same platform see an edit within
 * `REFERENCE_CACHE_TTL_MS` (60 s). Kept per database, so tests that open several never share.
 */
import type { Db } from '../db/database';

const TTL_MS = Math.max(0, Number(process.env.REFERENCE_CACHE_TTL_MS ?? 60_000) || 0);

interface Entry {
	value: Promise<unknown>;
	expires: number;
}
let entries = new WeakMap<Db, Map<string, Entry>>();

/** The value `load` gives for `key`, read again once content changes or the TTL has passed. */
export function referenceData<T>(db: Db, key: string, load: () => PromiseLike<T>, now = Date.now()): Promise<T> {
	if (TTL_MS <= 0) return Promise.resolve(load());
	let forDb = entries.get(db);
	if (!forDb) entries.set(db, (forDb = new Map()));
	const cached = forDb.get(key);
	if (cached && cached.expires > now) return cached.value as Promise<T>;
	// Requests arriving while it loads share the one read; a failed read is not kept. A Drizzle
	// query is a lazy thenable that runs again on every await: settle it once into a promise.
	const value = Promise.resolve(load());
	const entry = { value, expires: now + TTL_MS };
	forDb.set(key, entry);
	value.catch(() => {
		if (forDb.get(key) === entry) forDb.delete(key);
	});
	return value;
}

/** Forgets everything (a content change). */
export function clearReferenceData() {
	entries = new WeakMap();
}
