import { and, asc, desc, eq, gt, isNull, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { authorizeInstitution } from '../access/policy';
import { recordAudit } from '../audit/audit.service';
import { emailSchema } from '../auth/accounts.schemas';
import { institutionDirectory } from '../institutions/institutions.views';
import { inTransaction, type Platform, type ServiceContext } from '../platform/context';
import { invalidInput, notFound, staleEdit } from '../platform/errors';
import { parseInput, parseVersion } from '../platform/validation';
import { generateRsaKeyPair } from '../ewp/keys';
import { ewpHost, ewpKey, ewpLog } from './ewp-node.tables';

/** A replaced key stays in the manifest this long: partners' cached catalogues (≤ 3 h) still know it. */
export const KEY_GRACE_MS = 24 * 3_600_000;

const hostInput = z.object({
	enabled: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
	adminEmail: emailSchema,
	version: z.unknown()
});

/** An institution's EWP host as its admins see it: settings, keys (fingerprints only) and the latest log. */
export async function ewpHostFor(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'ewp.manage', institutionId);
	const [[host], [hei], keys, log] = await Promise.all([
		ctx.db.select().from(ewpHost).where(eq(ewpHost.institutionId, institutionId)),
		ctx.db.select({ heiId: institutionDirectory.heiId }).from(institutionDirectory).where(eq(institutionDirectory.id, institutionId)),
		ctx.db
			.select({ id: ewpKey.id, purpose: ewpKey.purpose, fingerprint: ewpKey.fingerprint, createdAt: ewpKey.createdAt, replacedAt: ewpKey.replacedAt })
			.from(ewpKey)
			.where(eq(ewpKey.institutionId, institutionId))
			.orderBy(asc(ewpKey.purpose), desc(ewpKey.createdAt)),
		ctx.db.select().from(ewpLog).where(eq(ewpLog.institutionId, institutionId)).orderBy(desc(ewpLog.at)).limit(50)
	]);
	return { heiId: hei?.heiId ?? null, enabled: host?.enabled ?? false, adminEmail: host?.adminEmail ?? '', version: host?.version ?? 0, keys, log };
}

/**
 * Switches the institution's EWP host on or off. It needs a hei-id (the profile's); switching on
 * the first time makes its client and server key pairs.
 */
export async function updateEwpHost(ctx: ServiceContext, institutionId: string, input: unknown) {
	authorizeInstitution(ctx.actor, 'ewp.manage', institutionId);
	const data = parseInput(hostInput, input);
	const version = parseVersion(data.version, 0);
	return inTransaction(ctx, async (tx) => {
		const [hei] = await tx.db.select({ heiId: institutionDirectory.heiId }).from(institutionDirectory).where(eq(institutionDirectory.id, institutionId));
		if (!hei) throw notFound();
		if (data.enabled && !hei.heiId) throw invalidInput({ enabled: 'error_ewp_needs_hei_id' });
		const [before] = await tx.db.select().from(ewpHost).where(eq(ewpHost.institutionId, institutionId)).for('update');
		if ((before?.version ?? 0) !== version) throw staleEdit();
		const values = { enabled: data.enabled, adminEmail: data.adminEmail, version: version + 1, updatedAt: new Date() };
		if (before) await tx.db.update(ewpHost).set(values).where(eq(ewpHost.institutionId, institutionId));
		else await tx.db.insert(ewpHost).values({ institutionId, ...values });
		if (data.enabled) {
			for (const purpose of ['client', 'server'] as const) {
				const [current] = await tx.db.select({ id: ewpKey.id }).from(ewpKey).where(and(eq(ewpKey.institutionId, institutionId), eq(ewpKey.purpose, purpose), isNull(ewpKey.replacedAt)));
				if (!current) await addKey(tx, institutionId, purpose);
			}
		}
		await recordAudit(tx, { entityType: 'ewp_host', entityId: institutionId, institutionId, action: 'ewp.host_update', changes: { enabled: { from: before?.enabled ?? false, to: data.enabled }, adminEmail: { from: before?.adminEmail ?? null, to: data.adminEmail } } });
		return { version: version + 1 };
	});
}

async function addKey(tx: ServiceContext, institutionId: string, purpose: 'client' | 'server') {
	const pair = generateRsaKeyPair();
	await tx.db.insert(ewpKey).values({ institutionId, purpose, publicKey: pair.publicKey, privateKey: pair.privateKey, fingerprint: pair.fingerprint });
	return pair.fingerprint;
}

/**
 * A new key pair for `purpose`; the one it replaces stops signing at once and leaves the
 * manifest after KEY_GRACE_MS. (If a private key leaked, it is the only step: partners drop it
 * when the registry next reads the manifest.)
 */
export async function rotateEwpKey(ctx: ServiceContext, institutionId: string, input: { purpose?: unknown }) {
	authorizeInstitution(ctx.actor, 'ewp.manage', institutionId);
	const purpose = input.purpose === 'client' || input.purpose === 'server' ? input.purpose : null;
	if (!purpose) throw invalidInput({ purpose: 'error_choose_one' });
	return inTransaction(ctx, async (tx) => {
		const [host] = await tx.db.select().from(ewpHost).where(eq(ewpHost.institutionId, institutionId)).for('update');
		if (!host) throw notFound();
		const replaced = await tx.db
			.update(ewpKey)
			.set({ replacedAt: ctx.clock.now() })
			.where(and(eq(ewpKey.institutionId, institutionId), eq(ewpKey.purpose, purpose), isNull(ewpKey.replacedAt)))
			.returning({ fingerprint: ewpKey.fingerprint });
		const fingerprint = await addKey(tx, institutionId, purpose);
		await recordAudit(tx, { entityType: 'ewp_host', entityId: institutionId, institutionId, action: 'ewp.key_rotate', changes: { [purpose]: { from: replaced[0]?.fingerprint ?? null, to: fingerprint } } });
		return fingerprint;
	});
}

export interface PublishedHost {
	institutionId: string;
	heiId: string;
	erasmusCode: string | null;
	names: { lang: string; text: string }[];
	adminEmail: string;
	/** Newest first: the first signs. */
	clientKeys: { publicKey: string; privateKey: string; fingerprint: string }[];
	serverKeys: { publicKey: string; privateKey: string; fingerprint: string }[];
}

/** Institutions with EWP on, as their hosts publish them, where `condition` holds. */
async function hostsWhere(platform: Platform, condition: SQL) {
	const rows = await platform.db
		.select({ institutionId: institutionDirectory.id, heiId: institutionDirectory.heiId, erasmusCode: institutionDirectory.erasmusCode, name: institutionDirectory.name, adminEmail: ewpHost.adminEmail })
		.from(ewpHost)
		.innerJoin(institutionDirectory, eq(institutionDirectory.id, ewpHost.institutionId))
		.where(and(eq(ewpHost.enabled, true), condition));
	return Promise.all(rows.filter((r) => r.heiId).map((r) => hostOf(platform, { ...r, heiId: r.heiId! })));
}

/** The host the platform runs for a hei-id, when its institution has EWP on; null otherwise. */
export async function publishedHost(platform: Platform, heiId: string): Promise<PublishedHost | null> {
	return (await hostsWhere(platform, eq(institutionDirectory.heiId, heiId)))[0] ?? null;
}

/** The host of an institution, when it has EWP on. */
export async function publishedHostOfInstitution(platform: Platform, institutionId: string): Promise<PublishedHost | null> {
	return (await hostsWhere(platform, eq(ewpHost.institutionId, institutionId)))[0] ?? null;
}

async function hostOf(platform: Platform, row: { institutionId: string; heiId: string; erasmusCode: string | null; name: Record<string, string | undefined>; adminEmail: string }): Promise<PublishedHost> {
	const since = new Date(platform.clock.now().getTime() - KEY_GRACE_MS);
	const keys = await platform.db
		.select()
		.from(ewpKey)
		.where(and(eq(ewpKey.institutionId, row.institutionId), or(isNull(ewpKey.replacedAt), gt(ewpKey.replacedAt, since))))
		.orderBy(desc(ewpKey.createdAt));
	const pick = (purpose: 'client' | 'server') =>
		keys
			.filter((k) => k.purpose === purpose)
			.sort((a, b) => Number(a.replacedAt !== null) - Number(b.replacedAt !== null))
			.map((k) => ({ publicKey: k.publicKey, privateKey: k.privateKey, fingerprint: k.fingerprint }));
	return {
		institutionId: row.institutionId,
		heiId: row.heiId,
		erasmusCode: row.erasmusCode,
		names: Object.entries(row.name)
			.filter((e): e is [string, string] => !!e[1])
			.map(([lang, text]) => ({ lang, text })),
		adminEmail: row.adminEmail,
		clientKeys: pick('client'),
		serverKeys: pick('server')
	};
}
