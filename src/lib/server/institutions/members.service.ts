import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Locale } from '$lib/i18n/locales';
import { isLocale } from '$lib/i18n/locales';
import { authorizeInstitution, isInstitutionRole, type InstitutionRole } from '../access/policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { createVerifiedUser } from '../auth/accounts.service';
import { nameSchema, newPasswordSchema } from '../auth/accounts.schemas';
import { person } from '../auth/auth.views';
import { AppError, invalidInput, notFound, unauthenticated } from '../platform/errors';
import { inTransaction, type ServiceContext } from '../platform/context';
import { parseInput, isUuid } from '../platform/validation';
import { inviteSchema, roleChangeSchema } from './institutions.schemas';
import { institution, invitation, membership } from './institutions.tables';
import { z } from 'zod';

export const INVITATION_DAYS = 14;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function listMembers(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'member.list', institutionId);
	const members = await ctx.db
		.select({ id: membership.id, role: membership.role, userId: person.id, name: person.name, email: person.email, since: membership.createdAt })
		.from(membership)
		.innerJoin(person, eq(person.id, membership.userId))
		.where(eq(membership.institutionId, institutionId))
		.orderBy(asc(person.name));
	const invitations = await ctx.db
		.select({ id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, createdAt: invitation.createdAt })
		.from(invitation)
		.where(and(eq(invitation.institutionId, institutionId), isNull(invitation.acceptedAt), isNull(invitation.revokedAt)))
		.orderBy(asc(invitation.createdAt));
	return { members, invitations };
}

/** Invites someone by e-mail; a second submit of the same invitation is refused, not doubled. */
export async function inviteMember(ctx: ServiceContext, institutionId: string, input: unknown) {
	const actor = authorizeInstitution(ctx.actor, 'member.invite', institutionId);
	const data = parseInput(inviteSchema, input);
	const token = randomBytes(32).toString('base64url');
	const created = await inTransaction(ctx, async (tx) => {
		const [existingMember] = await tx.db
			.select({ id: membership.id })
			.from(membership)
			.innerJoin(person, eq(person.id, membership.userId))
			.where(and(eq(membership.institutionId, institutionId), eq(person.email, data.email)));
		if (existingMember) throw invalidInput({ email: 'error_already_member' });
		const [row] = await tx.db
			.insert(invitation)
			.values({
				institutionId,
				email: data.email,
				role: data.role,
				locale: data.locale,
				tokenHash: hashToken(token),
				invitedBy: actor.userId,
				expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60_000)
			})
			.onConflictDoNothing()
			.returning();
		if (!row) throw invalidInput({ email: 'error_already_invited' });
		await recordAudit(tx, {
			entityType: 'invitation',
			entityId: row.id,
			institutionId,
			action: 'member.invite',
			changes: diffFields(null, { email: data.email, role: data.role })
		});
		return row;
	});
	const [inst] = await ctx.db.select({ shortName: institution.shortName }).from(institution).where(eq(institution.id, institutionId));
	await ctx.mailer.send(ctx.db, {
		to: data.email,
		template: 'invitation',
		locale: data.locale,
		params: {
			url: `${ctx.config.origin}/${data.locale}/invitations/${token}`,
			institution: inst?.shortName ?? '',
			role: data.role
		}
	});
	return created;
}

export async function revokeInvitation(ctx: ServiceContext, institutionId: string, invitationId: string) {
	authorizeInstitution(ctx.actor, 'member.invite', institutionId);
	if (!isUuid(invitationId)) throw notFound();
	await inTransaction(ctx, async (tx) => {
		const [row] = await tx.db
			.update(invitation)
			.set({ revokedAt: new Date() })
			.where(and(eq(invitation.id, invitationId), eq(invitation.institutionId, institutionId), isNull(invitation.acceptedAt), isNull(invitation.revokedAt)))
			.returning();
		if (!row) throw notFound();
		await recordAudit(tx, { entityType: 'invitation', entityId: row.id, institutionId, action: 'member.revoke_invitation', changes: {} });
	});
}

export async function changeMemberRole(ctx: ServiceContext, institutionId: string, input: unknown) {
	authorizeInstitution(ctx.actor, 'member.change_role', institutionId);
	const data = parseInput(roleChangeSchema, input);
	await inTransaction(ctx, async (tx) => {
		const [before] = await tx.db
			.select()
			.from(membership)
			.where(and(eq(membership.id, data.membershipId), eq(membership.institutionId, institutionId)));
		if (!before) throw notFound();
		if (before.role === 'institution_admin' && data.role !== 'institution_admin') await assertAnotherAdmin(tx, institutionId, before.id);
		await tx.db.update(membership).set({ role: data.role }).where(eq(membership.id, before.id));
		await recordAudit(tx, {
			entityType: 'membership',
			entityId: before.id,
			institutionId,
			action: 'member.change_role',
			changes: { ...diffFields({ role: before.role }, { role: data.role }), userId: { from: before.userId, to: before.userId } }
		});
	});
}

export async function removeMember(ctx: ServiceContext, institutionId: string, membershipId: string) {
	authorizeInstitution(ctx.actor, 'member.remove', institutionId);
	if (!isUuid(membershipId)) throw notFound();
	await inTransaction(ctx, async (tx) => {
		const [before] = await tx.db
			.select()
			.from(membership)
			.where(and(eq(membership.id, membershipId), eq(membership.institutionId, institutionId)));
		if (!before) throw notFound();
		if (before.role === 'institution_admin') await assertAnotherAdmin(tx, institutionId, before.id);
		await tx.db.delete(membership).where(eq(membership.id, before.id));
		await recordAudit(tx, {
			entityType: 'membership',
			entityId: before.id,
			institutionId,
			action: 'member.remove',
			changes: diffFields({ userId: before.userId, role: before.role }, { userId: null, role: null })
		});
	});
}

/** An institution never loses its last admin. */
async function assertAnotherAdmin(ctx: ServiceContext, institutionId: string, exceptMembershipId: string) {
	const admins = await ctx.db
		.select({ id: membership.id })
		.from(membership)
		.where(and(eq(membership.institutionId, institutionId), eq(membership.role, 'institution_admin')));
	if (!admins.some((a) => a.id !== exceptMembershipId)) throw new AppError('conflict', 'error_last_admin');
}

/** The people holding one of `roles` at an institution (id, name, e-mail), by name: e.g. who may be given a case. */
export async function membersWithRoles(ctx: ServiceContext, institutionId: string, roles: readonly InstitutionRole[]) {
	return ctx.db
		.select({ id: person.id, name: person.name, email: person.email })
		.from(membership)
		.innerJoin(person, eq(person.id, membership.userId))
		.where(and(eq(membership.institutionId, institutionId), inArray(membership.role, [...roles])))
		.orderBy(person.name);
}

/** Adds a membership directly (demo data, platform admins). */
export async function addMembership(ctx: ServiceContext, institutionId: string, userId: string, role: string) {
	if (!isInstitutionRole(role)) throw invalidInput({ role: 'error_choose_one' });
	const [row] = await ctx.db.insert(membership).values({ institutionId, userId, role }).onConflictDoNothing().returning();
	if (row) {
		await recordAudit(ctx, { entityType: 'membership', entityId: row.id, institutionId, action: 'member.add', changes: diffFields(null, { userId, role }) });
	}
	return row;
}

async function findOpenInvitation(ctx: ServiceContext, token: string) {
	const [row] = await ctx.db
		.select({ invitation, institutionName: institution.name, institutionShortName: institution.shortName, institutionSlug: institution.slug })
		.from(invitation)
		.innerJoin(institution, eq(institution.id, invitation.institutionId))
		.where(and(eq(invitation.tokenHash, hashToken(token)), isNull(invitation.revokedAt)));
	if (!row) throw new AppError('token_invalid', 'error_invitation_invalid');
	if (row.invitation.acceptedAt) throw new AppError('token_invalid', 'error_invitation_used');
	if (row.invitation.expiresAt < new Date()) throw new AppError('token_invalid', 'error_invitation_expired');
	return row;
}

/** What the invitation page shows: the institution, the role, and whether the e-mail has an account. */
export async function describeInvitation(ctx: ServiceContext, token: string) {
	const row = await findOpenInvitation(ctx, token);
	const [existing] = await ctx.db.select({ id: person.id }).from(person).where(eq(person.email, row.invitation.email));
	return {
		email: row.invitation.email,
		role: row.invitation.role,
		institutionName: row.institutionName,
		institutionShortName: row.institutionShortName,
		institutionSlug: row.institutionSlug,
		hasAccount: !!existing
	};
}

async function accept(ctx: ServiceContext, inv: typeof invitation.$inferSelect, userId: string) {
	const [claimed] = await ctx.db
		.update(invitation)
		.set({ acceptedAt: new Date(), acceptedBy: userId })
		.where(and(eq(invitation.id, inv.id), isNull(invitation.acceptedAt), gt(invitation.expiresAt, new Date())))
		.returning();
	if (!claimed) throw new AppError('token_invalid', 'error_invitation_used');
	const [row] = await ctx.db
		.insert(membership)
		.values({ institutionId: inv.institutionId, userId, role: inv.role })
		.onConflictDoUpdate({ target: [membership.institutionId, membership.userId], set: { role: inv.role } })
		.returning();
	await recordAudit(ctx, {
		entityType: 'membership',
		entityId: row!.id,
		institutionId: inv.institutionId,
		action: 'member.accept_invitation',
		changes: diffFields(null, { userId, role: inv.role })
	});
}

/**
 * Whether this registration form was already carried out: its invitation was accepted in the
 * last minutes by a new account with the name the form gives. Then the answer is the same.
 */
async function repeatedRegistration(ctx: ServiceContext, token: string, input: Record<string, unknown>) {
	const [row] = await ctx.db
		.select({ email: invitation.email, acceptedAt: invitation.acceptedAt, name: person.name })
		.from(invitation)
		.innerJoin(person, eq(person.email, invitation.email))
		.where(eq(invitation.tokenHash, hashToken(token)));
	const recent = row?.acceptedAt && row.acceptedAt.getTime() > Date.now() - 10 * 60_000;
	return recent && row.name === String(input.name ?? '').trim() ? { email: row.email } : null;
}

/** A signed-in person accepts an invitation sent to their own address. */
export async function acceptInvitation(ctx: ServiceContext, token: string) {
	if (!ctx.actor) throw unauthenticated();
	const actor = ctx.actor;
	await inTransaction(ctx, async (tx) => {
		const row = await findOpenInvitation(tx, token);
		if (row.invitation.email !== actor.email.toLowerCase()) throw new AppError('forbidden', 'error_invitation_other_email');
		await accept(tx, row.invitation, actor.userId);
	});
}

/** Someone new accepts: the link proves the address, so the account starts verified. */
export async function acceptInvitationWithNewAccount(ctx: ServiceContext, token: string, input: Record<string, unknown>) {
	let row: Awaited<ReturnType<typeof findOpenInvitation>>;
	try {
		row = await findOpenInvitation(ctx, token);
	} catch (err) {
		// The same form sent twice (a double click): the first one accepted it moments ago.
		const repeat = await repeatedRegistration(ctx, token, input);
		if (repeat) return repeat;
		throw err;
	}
	const fields = parseInput(
		z
			.object({ name: nameSchema, password: newPasswordSchema, passwordConfirm: z.string() })
			.refine((v) => v.password === v.passwordConfirm, { message: 'error_password_mismatch', path: ['passwordConfirm'] }),
		input
	);
	const [existing] = await ctx.db.select({ id: person.id }).from(person).where(eq(person.email, row.invitation.email));
	if (existing) throw new AppError('conflict', 'error_invitation_sign_in_first');
	const locale: Locale = isLocale(row.invitation.locale) ? row.invitation.locale : 'en';
	let created: { id: string };
	try {
		created = await createVerifiedUser(ctx, { email: row.invitation.email, name: fields.name, password: fields.password, locale });
	} catch (err) {
		// Two submits at once: the unique address lets one create the account; the other waits
		// for it to accept the invitation and answers the same.
		const [now] = await ctx.db.select({ id: person.id }).from(person).where(eq(person.email, row.invitation.email));
		if (!now) throw err;
		for (let i = 0; i < 20; i++) {
			const repeat = await repeatedRegistration(ctx, token, input);
			if (repeat) return repeat;
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new AppError('conflict', 'error_invitation_sign_in_first');
	}
	await inTransaction(ctx, async (tx) => {
		await recordAudit(tx, { entityType: 'user', entityId: created.id, action: 'user.create_from_invitation', changes: diffFields(null, { email: row.invitation.email, name: fields.name }) });
		await accept(tx, row.invitation, created.id);
	});
	return { email: row.invitation.email };
}
