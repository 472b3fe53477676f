import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, user } from '../auth/auth.tables';
import { completeSetup, ensureFirstAdmin, hasPlatformAdmin, isSetupOpen } from '../auth/users.service';
import { DEMO_ACCOUNTS, DEMO_INSTITUTIONS, DEMO_PASSWORD } from '../demo/demo.data';
import { retirePublishedDemoPassword, seedDemo } from '../demo/demo.seed';
import { institution, membership } from '../institutions/institutions.tables';
import { listMail } from '../mail/mail.service';
import { AppError } from '../platform/errors';
import type { RunningPlatform } from './platform';
import { contextFor, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

describe('first start', () => {
	it('offers a one-time link for the first platform admin that works once', async () => {
		const { setupUrl } = await ensureFirstAdmin(platform);
		expect(setupUrl).toMatch(/\/en\/setup\/[\w-]+$/);
		const token = setupUrl!.split('/').pop()!;
		const ctx = await contextFor(platform, null);
		expect(await isSetupOpen(ctx, token)).toBe(true);
		expect(await isSetupOpen(ctx, 'wrong-token')).toBe(false);
		await completeSetup(ctx, token, { name: 'Root', email: 'root@example.org', password: 'first admin of all', passwordConfirm: 'first admin of all' });
		expect(await hasPlatformAdmin(platform)).toBe(true);
		expect(await isSetupOpen(ctx, token)).toBe(false);
		const again = await completeSetup(ctx, token, { name: 'X', email: 'x@example.org', password: 'first admin of all', passwordConfirm: 'first admin of all' }).catch((e) => e);
		expect(again).toBeInstanceOf(AppError);
		expect((await ensureFirstAdmin(platform)).setupUrl).toBeNull();
	});

	it('seeds the twelve consortium institutions and one account per role, and a second run adds nothing', async () => {
		await seedDemo(platform);
		const again = await seedDemo(platform);
		expect(again).toEqual({ institutions: 0, accounts: 0, programmes: 0 });
		const [insts] = await platform.db.select({ n: count() }).from(institution);
		expect(insts!.n).toBeGreaterThanOrEqual(DEMO_INSTITUTIONS.length);
		const [users] = await platform.db.select({ n: count() }).from(user);
		expect(users!.n).toBeGreaterThanOrEqual(DEMO_ACCOUNTS.length);
		const [members] = await platform.db.select({ n: count() }).from(membership);
		expect(members!.n).toBe(DEMO_ACCOUNTS.filter((a) => a.membership).length);
	});

	it('in production, demo accounts never keep the published password', async () => {
		const production = { ...platform, config: { ...platform.config, production: true } };
		const warnings: string[] = [];
		production.logger = { ...platform.logger, warn: (msg: string) => warnings.push(msg) };
		// The accounts seeded above have the development password; a production start retires it.
		expect(await retirePublishedDemoPassword(production)).toBe(DEMO_ACCOUNTS.length);
		expect(warnings.join('\n')).toMatch(/shown only now: [\w-]{20}/);
		const context = await platform.auth.$context;
		const hashes = await platform.db.select({ hash: account.password }).from(account).innerJoin(user, eq(user.id, account.userId)).where(eq(user.isDemo, true));
		for (const { hash } of hashes) expect(await context.password.verify({ hash: hash!, password: DEMO_PASSWORD })).toBe(false);
		expect(await retirePublishedDemoPassword(production)).toBe(0);
	});

	it('runs the migrations again without harm (the server does it at every start)', async () => {
		await Promise.all([platform.database.migrate(platform.config.migrationsDir), platform.database.migrate(platform.config.migrationsDir)]);
		expect(await platform.database.ping()).toBeUndefined();
	});
});

describe('the outbox', () => {
	it('is readable by platform admins only', async () => {
		const admin = await makeUser(platform, { platformRole: 'platform_admin' });
		const member = await makeUser(platform, { platformRole: 'consortium_member' });
		expect(Array.isArray((await listMail(await contextFor(platform, admin.id))).messages)).toBe(true);
		const denied = await listMail(await contextFor(platform, member.id)).catch((e) => e);
		expect(denied).toBeInstanceOf(AppError);
		expect((denied as AppError).status).toBe(404);
	});
});
