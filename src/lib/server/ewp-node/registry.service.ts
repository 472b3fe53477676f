import fs from 'node:fs/promises';
import { eq, lt } from 'drizzle-orm';
import { fileURLToPath } from 'node:url';
import { authorizeInstitution } from '../access/policy';
import type { Job } from '../jobs/jobs';
import type { Platform, ServiceContext } from '../platform/context';
import { readCatalogue, type Catalogue } from '../ewp/catalogue';
import { validateEwpDocument } from '../ewp/validate';
import { ewpHost, ewpLog, ewpNonce, ewpRegistry } from './ewp-node.tables';

/** The largest catalogue read (the network's is a few MB). */
const MAX_CATALOGUE_BYTES = 20 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

/**
 * Reads the registry's catalogue from the configured URL (If-None-Match with the ETag held),
 * checks it against the catalogue schema and keeps it. A failure keeps the catalogue held (the
 * spec allows a stale copy as a fallback) and records the error for the admin page.
 */
export async function refreshRegistry(platform: Platform): Promise<{ changed: boolean; error: string | null }> {
	const url = platform.config.ewpRegistryUrl;
	const [held] = await platform.db.select().from(ewpRegistry).where(eq(ewpRegistry.id, 1));
	const now = platform.clock.now();
	const sameSource = held?.sourceUrl === url;
	try {
		const fetched = await download(url, sameSource ? (held?.etag ?? null) : null);
		if (fetched === 'not-modified') {
			await platform.db.update(ewpRegistry).set({ checkedAt: now, lastError: null }).where(eq(ewpRegistry.id, 1));
			return { changed: false, error: null };
		}
		const check = await validateEwpDocument(fetched.text, 'hostDocuments');
		if (!check.valid) throw new Error(`the catalogue does not match the registry schema: ${check.errors[0] ?? ''}`);
		readCatalogue(fetched.text);
		const values = { sourceUrl: url, catalogue: fetched.text, etag: fetched.etag, fetchedAt: now, checkedAt: now, lastError: null };
		await platform.db.insert(ewpRegistry).values({ id: 1, ...values }).onConflictDoUpdate({ target: ewpRegistry.id, set: values });
		cached = null;
		return { changed: true, error: null };
	} catch (err) {
		const error = String((err as Error).message ?? err).slice(0, 500);
		platform.logger.warn('EWP registry not read', { url, error });
		await platform.db
			.insert(ewpRegistry)
			.values({ id: 1, sourceUrl: url, checkedAt: now, lastError: error })
			.onConflictDoUpdate({ target: ewpRegistry.id, set: { checkedAt: now, lastError: error } });
		return { changed: false, error };
	}
}

async function download(url: string, etag: string | null): Promise<{ text: string; etag: string | null } | 'not-modified'> {
	if (url.startsWith('file:')) {
		const file = fileURLToPath(url);
		if ((await fs.stat(file)).size > MAX_CATALOGUE_BYTES) throw new Error('the catalogue is too large');
		return { text: await fs.readFile(file, 'utf8'), etag: null };
	}
	if (!/^https?:\/\//.test(url)) throw new Error('EWP_REGISTRY_URL must be an http(s) or file URL');
	const response = await fetch(url, { headers: etag ? { 'if-none-match': etag } : {}, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
	if (response.status === 304) return 'not-modified';
	if (!response.ok) throw new Error(`the registry answered ${response.status}`);
	const text = await response.text();
	if (text.length > MAX_CATALOGUE_BYTES) throw new Error('the catalogue is too large');
	return { text, etag: response.headers.get('etag') };
}

/** The catalogue parsed once per version held (per process). */
let cached: { fetchedAt: number; catalogue: Catalogue } | null = null;

/** The catalogue held, or null before one was read. */
export async function currentCatalogue(platform: Platform): Promise<Catalogue | null> {
	const [row] = await platform.db.select({ fetchedAt: ewpRegistry.fetchedAt }).from(ewpRegistry).where(eq(ewpRegistry.id, 1));
	if (!row?.fetchedAt) return null;
	if (cached?.fetchedAt === row.fetchedAt.getTime()) return cached.catalogue;
	const [full] = await platform.db.select({ catalogue: ewpRegistry.catalogue }).from(ewpRegistry).where(eq(ewpRegistry.id, 1));
	if (!full?.catalogue) return null;
	cached = { fetchedAt: row.fetchedAt.getTime(), catalogue: readCatalogue(full.catalogue) };
	return cached.catalogue;
}

/** The registry as an institution's EWP page shows it. */
export async function registryStatus(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'ewp.manage', institutionId);
	const [row] = await ctx.db
		.select({ sourceUrl: ewpRegistry.sourceUrl, fetchedAt: ewpRegistry.fetchedAt, checkedAt: ewpRegistry.checkedAt, lastError: ewpRegistry.lastError })
		.from(ewpRegistry)
		.where(eq(ewpRegistry.id, 1));
	const catalogue = await currentCatalogue(ctx);
	return {
		sourceUrl: row?.sourceUrl ?? ctx.config.ewpRegistryUrl,
		fetchedAt: row?.fetchedAt ?? null,
		checkedAt: row?.checkedAt ?? null,
		lastError: row?.lastError ?? null,
		hosts: catalogue?.hosts.length ?? 0,
		heis: catalogue?.heis.size ?? 0
	};
}

/** The EWP log keeps 90 days. */
const LOG_KEEP_MS = 90 * 86_400_000;

/** Nonces are needed only while a request's date is acceptable (5 minutes each way). */
const NONCE_KEEP_MS = 15 * 60_000;

/**
 * The `ewp_registry` job: reads the catalogue when any institution has EWP on (every 15 minutes,
 * the spec's suggestion), forgets nonces too old to be replayed and log lines older than 90 days.
 */
export const EWP_REGISTRY_JOB: Job = {
	name: 'ewp_registry',
	everyMinutes: 15,
	async run(platform: Platform, now: Date) {
		await platform.db.delete(ewpLog).where(lt(ewpLog.at, new Date(now.getTime() - LOG_KEEP_MS)));
		const pruned = await platform.db.delete(ewpNonce).where(lt(ewpNonce.seenAt, new Date(now.getTime() - NONCE_KEEP_MS))).returning({ keyId: ewpNonce.keyId });
		const [on] = await platform.db.select({ id: ewpHost.institutionId }).from(ewpHost).where(eq(ewpHost.enabled, true)).limit(1);
		if (!on) return { read: 0, changed: 0, noncesPruned: pruned.length };
		const result = await refreshRegistry(platform);
		return { read: result.error ? 0 : 1, changed: Number(result.changed), noncesPruned: pruned.length };
	}
};

/** "Read the registry now" on an institution's EWP page. */
export async function refreshRegistryNow(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'ewp.manage', institutionId);
	return refreshRegistry(ctx);
}
