/**
 * A micro-cache of anonymous public pages, in the server's memory: the same HTML for everyone
 * who is not signed in, kept for a few seconds. Under load it turns many renders (each a few
 * database queries) into one per page and TTL. Any content change clears it (`invalidate`), so
 * this server shows edits at once, and so do its sibling worker processes (told through the
 * cluster primary, scripts/serve-cluster.js); other servers of the same platform within the TTL.
 */
import cluster from 'node:cluster';
import zlib from 'node:zlib';
import { afterCommit, type ServiceContext } from '../platform/context';
import { hasSessionCookie } from '../platform/session-cookie';
import { clearReferenceData } from './reference-cache';

export interface CachedPage {
	status: number;
	headers: [string, string][];
	body: Uint8Array;
	expires: number;
	/** The body compressed, made on the first request that accepts each encoding. */
	encoded?: Partial<Record<Encoding, { body: Uint8Array; headers: [string, string][] }>>;
}

type Encoding = 'br' | 'gzip';
/** Bodies under this size are sent as they are (the compression of rendered pages does the same). */
const COMPRESS_FROM_BYTES = 1024;
const ENCODERS: Record<Encoding, (body: Uint8Array) => Uint8Array> = {
	// Made once per page and TTL and then sent many times: a higher brotli quality than the
	// per-request compression of rendered pages (4) pays for itself.
	br: (body) => zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }),
	gzip: (body) => zlib.gzipSync(body, { level: 6 })
};

/** brotli when the client takes it, else gzip, else none (`Accept-Encoding`, q=0 meaning no). */
export function preferredEncoding(acceptEncoding: string | null | undefined): Encoding | null {
	if (!acceptEncoding) return null;
	let gzip = false;
	for (const part of acceptEncoding.toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		const refused = params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
		if (refused) continue;
		if (name === 'br') return 'br';
		if (name === 'gzip' || name === '*') gzip = true;
	}
	return gzip ? 'gzip' : null;
}

export interface CachedAnswer {
	status: number;
	headers: [string, string][];
	body: Uint8Array | null;
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

	/**
	 * The cached answer to a GET or HEAD of `key`, or null on a miss: 304 when the client's
	 * `If-None-Match` matches, like SvelteKit itself answers. With `acceptEncoding` (the
	 * production server, which answers hits before its compression), the body comes compressed
	 * as the client accepts it; without, as rendered.
	 */
	answer(key: string, method: string, ifNoneMatch: string | null | undefined, acceptEncoding?: string | null): CachedAnswer | null {
		if (method !== 'GET' && method !== 'HEAD') return null;
		const page = this.get(key);
		if (!page) return null;
		const etag = page.headers.find(([name]) => name === 'etag')?.[1];
		if (etag && ifNoneMatch === etag) return { status: 304, headers: page.headers, body: null };
		const encoding = acceptEncoding === undefined || page.body.byteLength < COMPRESS_FROM_BYTES ? null : preferredEncoding(acceptEncoding);
		const variant = encoding ? (page.encoded?.[encoding] ?? encode(page, encoding)) : page;
		return { status: page.status, headers: variant.headers, body: method === 'HEAD' ? null : variant.body };
	}

	/** The cached answer for a visitor who is not signed in; null when signed in or a miss. */
	answerAnonymous(method: string, key: string, cookieHeader: string | null | undefined, ifNoneMatch: string | null | undefined, acceptEncoding?: string | null) {
		return hasSessionCookie(cookieHeader) ? null : this.answer(key, method, ifNoneMatch, acceptEncoding);
	}

	invalidate() {
		this.entries.clear();
	}

	get size() {
		return this.entries.size;
	}
}

/** Compresses a cached page's body once for `encoding`, with the headers that variant is sent with. */
function encode(page: CachedPage, encoding: Encoding) {
	const vary = page.headers.find(([name]) => name === 'vary')?.[1];
	const headers: [string, string][] = [
		...page.headers.filter(([name]) => name !== 'vary'),
		['content-encoding', encoding],
		['vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding']
	];
	const variant = { body: ENCODERS[encoding](page.body), headers };
	(page.encoded ??= {})[encoding] = variant;
	return variant;
}

/** Headers that belong to one response only and must not be replayed from the cache. */
export const PER_RESPONSE_HEADERS = new Set(['x-request-id', 'set-cookie', 'date', 'content-length']);

/**
 * One cache per process, registered globally: the production server (scripts/serve-http.js) answers
 * hits before SvelteKit's router runs, and it loads the built app as a separate bundle.
 */
const REGISTRY = Symbol.for('welcome.page-cache');
const registry = globalThis as typeof globalThis & { [REGISTRY]?: PageCache };
/** The message a worker sends its primary, and the primary relays to the other workers. */
export const PAGES_CHANGED = 'welcome:invalidate-pages';
const TTL_MS = Math.max(0, Number(process.env.PAGE_CACHE_TTL_MS ?? 5_000) || 0);
export const pageCache: PageCache = (registry[REGISTRY] ??= createProcessCache());

/**
 * The Cache-Control of an anonymous page: browsers revalidate every time (SvelteKit answers
 * with its ETag and 304); a shared cache (a reverse proxy, docs/deploy/nginx.conf) may keep it
 * as long as the micro-cache does, so behind a proxy an edit shows within the same few seconds.
 */
export const ANONYMOUS_PAGE_CACHE_CONTROL = TTL_MS >= 1000 ? `public, max-age=0, s-maxage=${Math.floor(TTL_MS / 1000)}, must-revalidate` : 'public, max-age=0, must-revalidate';

function createProcessCache() {
	const cache = new PageCache(TTL_MS, Number(process.env.PAGE_CACHE_ENTRIES ?? 2_000));
	if (cluster.isWorker) {
		process.on('message', (message: { type?: unknown } | null) => {
			if (message?.type === PAGES_CHANGED) {
				cache.invalidate();
				clearReferenceData();
			}
		});
	}
	return cache;
}

/** Clears the cached pages and reference lists (reference-cache.ts), here and in the sibling workers, once the change `ctx` is making commits (at once outside a transaction). */
export function invalidatePages(ctx: ServiceContext) {
	afterCommit(ctx, () => {
		pageCache.invalidate();
		clearReferenceData();
		if (cluster.isWorker && process.connected) process.send?.({ type: PAGES_CHANGED });
	});
}
