import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, ilike, isNotNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { authorizePlatform, PLATFORM_ROLES } from '../access/policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { AppError, notFound } from '../platform/errors';
import { inTransaction, type Platform, type ServiceContext } from '../platform/context';
import { parseInput } from '../platform/validation';
import { createVerifiedUser } from './accounts.service';
import { emailSchema, nameSchema, newPasswordSchema } from './accounts.schemas';
import { account, user } from './auth.tables';
import { consumeSetupToken, createSetupToken, isSetupTokenValid } from '../settings/settings.service';

const PAGE_SIZE = 50;

export async function listUsers(ctx: ServiceContext, options: { query?: string; page?: number } = {}) {
	authorizePlatform(ctx.actor, 'platform.manage_users');
	const q = options.query?.trim();
	const where = q ? or(ilike(user.email, `%${q}%`), ilike(user.name, `%${q}%`)) : undefined;
	const page = Math.max(1, options.page ?? 1);
	const rows = await ctx.db
		.select({
			id: user.id,
			name: user.name,
			email: user.email,
			emailVerified: user.emailVerified,
			platformRole: user.platformRole,
			personKind: user.personKind,
			isDemo: user.isDemo,
			createdAt: user.createdAt
		})
		.from(user)
		.where(where)
		.orderBy(asc(user.email))
		.limit(PAGE_SIZE)
		.offset((page - 1) * PAGE_SIZE);
	const [total] = await ctx.db.select({ n: count() }).from(user).where(where);
	return { users: rows, total: total?.n ?? 0, page, pageSize: PAGE_SIZE };
}

const platformRoleSchema = z.object({
	userId: z.string().min(1, 'error_not_found'),
	platformRole: z.union([z.enum(PLATFORM_ROLES), z.literal('')], 'error_choose_one')
});

export async function setPlatformRole(ctx: ServiceContext, input: unknown) {
	const actor = authorizePlatform(ctx.actor, 'platform.manage_users');
	const data = parseInput(platformRoleSchema, input);
	const role = data.platformRole || null;
	if (data.userId === actor.userId && role !== 'platform_admin') throw new AppError('conflict', 'error_cannot_demote_self');
	await inTransaction(ctx, async (tx) => {
		const [before] = await tx.db.select({ platformRole: user.platformRole }).from(user).where(eq(user.id, data.userId));
		if (!before) throw notFound();
		await tx.db.update(user).set({ platformRole: role, updatedAt: new Date() }).where(eq(user.id, data.userId));
		await recordAudit(tx, {
			entityType: 'user',
			entityId: data.userId,
			action: 'user.set_platform_role',
			changes: diffFields(before, { platformRole: role })
		});
	});
}

export async function hasPlatformAdmin(platform: Platform) {
	const [row] = await platform.db
		.select({ n: count() })
		.from(user)
		.where(and(isNotNull(user.platformRole), eq(user.platformRole, 'platform_admin')));
	return (row?.n ?? 0) > 0;
}

/**
 * The first platform admin: from ADMIN_EMAIL/ADMIN_PASSWORD when set, otherwise a one-time
 * link (returned here, printed at start-up) that opens /{locale}/setup/{token}.
 */
export async function ensureFirstAdmin(platform: Platform): Promise<{ setupUrl: string | null }> {
	if (await hasPlatformAdmin(platform)) return { setupUrl: null };
	const { adminEmail, adminPassword, origin } = platform.config;
	if (adminEmail && adminPassword) {
		const email = parseInput(emailSchema, adminEmail);
		const [existing] = await platform.db.select({ id: user.id }).from(user).where(eq(user.email, email));
		if (existing) {
			await platform.db.update(user).set({ platformRole: 'platform_admin' }).where(eq(user.id, existing.id));
		} else {
			await createVerifiedUser(platform, { email, name: 'Platform admin', password: adminPassword, platformRole: 'platform_admin' });
		}
		platform.logger.info('first platform admin created from ADMIN_EMAIL', { email });
		return { setupUrl: null };
	}
	const token = await createSetupToken(platform.db);
	return { setupUrl: `${origin}/en/setup/${token}` };
}

const setupSchema = z
	.object({ name: nameSchema, email: emailSchema, password: newPasswordSchema, passwordConfirm: z.string() })
	.refine((v) => v.password === v.passwordConfirm, { message: 'error_password_mismatch', path: ['passwordConfirm'] });

export async function completeSetup(ctx: ServiceContext, token: string, input: unknown) {
	if (!(await isSetupTokenValid(ctx.db, token)) || (await hasPlatformAdmin(ctx))) {
		throw new AppError('token_invalid', 'error_token_invalid');
	}
	const data = parseInput(setupSchema, input);
	const [existing] = await ctx.db.select({ id: user.id }).from(user).where(eq(user.email, data.email));
	if (existing) throw new AppError('invalid_input', 'error_check_fields', { email: 'error_email_taken' });
	const created = await createVerifiedUser(ctx, {
		email: data.email,
		name: data.name,
		password: data.password,
		locale: ctx.locale,
		platformRole: 'platform_admin'
	});
	await consumeSetupToken(ctx.db);
	await recordAudit(ctx, { entityType: 'user', entityId: created.id, action: 'platform.first_admin', changes: diffFields(null, { email: data.email, platformRole: 'platform_admin' }) });
	return { email: data.email };
}

export async function isSetupOpen(ctx: ServiceContext, token: string) {
	return (await isSetupTokenValid(ctx.db, token)) && !(await hasPlatformAdmin(ctx));
}

/**
 * Demo accounts that still sign in with the `published` password get a new random one (the
 * same for all of them): returns how many were changed and the new password, to be shown once.
 */
export async function replaceDemoPassword(platform: Platform, published: string): Promise<{ replaced: number; password: string | null }> {
	const rows = await platform.db
		.select({ accountId: account.id, hash: account.password })
		.from(account)
		.innerJoin(user, eq(user.id, account.userId))
		.where(and(eq(user.isDemo, true), eq(account.providerId, 'credential')));
	if (rows.length === 0) return { replaced: 0, password: null };
	const context = await platform.auth.$context;
	// scrypt runs on libuv's thread pool: checking the accounts together keeps start-up short.
	const matches = await Promise.all(rows.map((row) => (row.hash ? context.password.verify({ hash: row.hash, password: published }) : false)));
	const toReplace = rows.filter((_, i) => matches[i]);
	if (toReplace.length === 0) return { replaced: 0, password: null };
	const password = randomBytes(15).toString('base64url');
	const hash = await context.password.hash(password);
	for (const row of toReplace) await platform.db.update(account).set({ password: hash }).where(eq(account.id, row.accountId));
	return { replaced: toReplace.length, password };
}
