import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { platformSetting } from './settings.tables';

export async function getSetting<T>(db: Db, key: string): Promise<T | null> {
	const [row] = await db.select({ value: platformSetting.value }).from(platformSetting).where(eq(platformSetting.key, key));
	return (row?.value as T) ?? null;
}

export async function setSetting(db: Db, key: string, value: unknown) {
	await db
		.insert(platformSetting)
		.values({ key, value })
		.onConflictDoUpdate({ target: platformSetting.key, set: { value, updatedAt: sql`now()` } });
}

export async function deleteSetting(db: Db, key: string) {
	await db.delete(platformSetting).where(eq(platformSetting.key, key));
}

/**
 * The secret that signs session cookies and tokens. AUTH_SECRET wins; otherwise one is made
 * once and kept in the database, so every server of a platform shares it.
 */
export async function ensureAuthSecret(db: Db, fromEnv?: string): Promise<string> {
	if (fromEnv) return fromEnv;
	await db
		.insert(platformSetting)
		.values({ key: 'auth_secret', value: randomBytes(32).toString('base64url') })
		.onConflictDoNothing();
	const secret = await getSetting<string>(db, 'auth_secret');
	if (!secret) throw new Error('auth secret could not be stored');
	return secret;
}

const SETUP_KEY = 'setup_token_sha256';
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A one-time token for creating the first platform admin; only its hash is stored. */
export async function createSetupToken(db: Db): Promise<string> {
	const token = randomBytes(24).toString('base64url');
	await setSetting(db, SETUP_KEY, sha256(token));
	return token;
}

export async function isSetupTokenValid(db: Db, token: string): Promise<boolean> {
	const stored = await getSetting<string>(db, SETUP_KEY);
	if (!stored || !token) return false;
	const a = Buffer.from(stored, 'hex');
	const b = Buffer.from(sha256(token), 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}

export async function consumeSetupToken(db: Db) {
	await deleteSetting(db, SETUP_KEY);
}
