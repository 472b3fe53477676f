/**
 * A micro-cache of anonymous public pages, in the server's memory: the same HTML for everyone
 * who is not signed in, kept for a few seconds. Under load it turns many renders (each a few
 * database queries) into one per page and TTL. Any content change clears it (`invalidate`), so
 * this server shows edits at once; other servers of the same platform within the TTL.
 */
export interface CachedPage {
	status: number;
	headers: [string, string][];
	body: Uint8Array;
	expires: number;
}

export class PageCache {
	private readonly entries = new Map<string, CachedPage>();
	constructor(
		private readonly ttlMs: number,
		private readonly maxEntries: number,
		private readonly now: () => number = Date.now
	) {}

	get(key: string): CachedPage | null {
		const entry = this.entries.get(key);
		if (!entry) return null;
		if (entry.expires <= this.now()) {
			this.entries.delete(key);
			return null;
		}
		// Map keeps insertion order: re-inserting marks it most recently used.
		this.entries.delete(key);
		this.entries.set(key, entry);
		return entry;
	}

	set(key: string, page: Omit<CachedPage, 'expires'>) {
		if (this.ttlMs <= 0) return;
		this.entries.delete(key);
		this.entries.set(key, { ...page, expires: this.now() + this.ttlMs });
		while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
	}

	invalidate() {
		this.entries.clear();
	}

	get size() {
		return this.entries.size;
	}
}

/** Headers that belong to one response only and must not be replayed from the cache. */
export const PER_RESPONSE_HEADERS = new Set(['x-request-id', 'set-cookie', 'date', 'content-length']);

export const pageCache = new PageCache(Number(process.env.PAGE_CACHE_TTL_MS ?? 5_000), Number(process.env.PAGE_CACHE_ENTRIES ?? 2_000));
