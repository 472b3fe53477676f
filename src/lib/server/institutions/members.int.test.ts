import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../audit/audit.service';
import type { RunningPlatform } from '../boot/platform';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { lastMailTo } from '../testing/mail';
import { createTestPlatform } from '../testing/platform';
import { failure } from '../testing/assertions';
import {
	acceptInvitation,
	acceptInvitationWithNewAccount,
	changeMemberRole,
	describeInvitation,
	inviteMember,
	listMembers,
	removeMember
} from './members.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());


async function setup() {
	const inst = await makeInstitution(platform);
	const admin = await makeUser(platform, { role: 'institution_admin', institutionId: inst.id });
	return { inst, admin, ctx: await contextFor(platform, admin.id) };
}

describe('inviting staff', () => {
	it('mails an invitation in the chosen language; a new person accepts it and becomes a member', async () => {
		const { inst, ctx } = await setup();
		const email = `new-${Date.now()}@example.org`;
		await inviteMember(ctx, inst.id, { email, role: 'editor', locale: 'zh' });
		const mail = (await lastMailTo(platform.db, email, 'invitation'))!;
		expect(mail.locale).toBe('zh');
		expect(mail.subject).toContain(inst.shortName);

		const anonymous = await contextFor(platform, null);
		expect(await describeInvitation(anonymous, mail.token)).toMatchObject({ email, role: 'editor', hasAccount: false });
		// The form sent twice at once (a double click): one account, and both answers are the same.
		const form = { name: 'Li Editor', password: 'lanterns over the river', passwordConfirm: 'lanterns over the river' };
		expect(await Promise.all([acceptInvitationWithNewAccount(anonymous, mail.token, form), acceptInvitationWithNewAccount(anonymous, mail.token, form)])).toEqual([{ email }, { email }]);
		// Sent again later from the browser's history: the same answer.
		expect(await acceptInvitationWithNewAccount(anonymous, mail.token, form)).toEqual({ email });

		const { members } = await listMembers(ctx, inst.id);
		expect(members.find((m) => m.email === email)?.role).toBe('editor');
		expect((await failure(describeInvitation(anonymous, mail.token))).messageKey).toBe('error_invitation_used');
	});

	it('creates one invitation when the form is sent twice', async () => {
		const { inst, ctx } = await setup();
		const email = `twice-${Date.now()}@example.org`;
		await inviteMember(ctx, inst.id, { email, role: 'staff', locale: 'en' });
		const second = await failure(inviteMember(ctx, inst.id, { email, role: 'staff', locale: 'en' }));
		expect(second.fields.email).toBe('error_already_invited');
		expect((await listMembers(ctx, inst.id)).invitations.filter((i) => i.email === email)).toHaveLength(1);
	});

	it('lets an existing account accept only when signed in with the invited address', async () => {
		const { inst, ctx } = await setup();
		const invited = await makeUser(platform);
		const someoneElse = await makeUser(platform);
		await inviteMember(ctx, inst.id, { email: invited.email, role: 'translator', locale: 'kk' });
		const { token } = (await lastMailTo(platform.db, invited.email, 'invitation'))!;
		expect((await failure(acceptInvitation(await contextFor(platform, someoneElse.id), token))).messageKey).toBe('error_invitation_other_email');
		await acceptInvitation(await contextFor(platform, invited.id), token);
		const invitedCtx = await contextFor(platform, invited.id);
		expect(invitedCtx.actor?.memberships.get(inst.id)).toBe('translator');
	});

	it('records invitations, role changes and removals in the institution’s audit trail', async () => {
		const { inst, ctx } = await setup();
		const staff = await makeUser(platform, { role: 'staff', institutionId: inst.id });
		const membershipId = (await listMembers(ctx, inst.id)).members.find((m) => m.userId === staff.id)!.id;
		await changeMemberRole(ctx, inst.id, { membershipId, role: 'editor' });
		await removeMember(ctx, inst.id, membershipId);
		const actions = (await listAuditEvents(ctx, { institutionId: inst.id })).events.map((e) => e.action);
		expect(actions.slice(0, 2)).toEqual(['member.remove', 'member.change_role']);
	});

	it('never removes or demotes the last administrator', async () => {
		const { inst, admin, ctx } = await setup();
		const own = (await listMembers(ctx, inst.id)).members.find((m) => m.userId === admin.id)!;
		expect((await failure(changeMemberRole(ctx, inst.id, { membershipId: own.id, role: 'staff' }))).messageKey).toBe('error_last_admin');
		expect((await failure(removeMember(ctx, inst.id, own.id))).messageKey).toBe('error_last_admin');
	});
});

describe('institution scoping of members', () => {
	it("answers not found when an admin touches another institution's members", async () => {
		const mine = await setup();
		const theirs = await setup();
		const theirMember = (await listMembers(theirs.ctx, theirs.inst.id)).members[0]!;
		expect((await failure(listMembers(mine.ctx, theirs.inst.id))).status).toBe(404);
		expect((await failure(removeMember(mine.ctx, theirs.inst.id, theirMember.id))).status).toBe(404);
		// Their membership id through my own institution: still not found, and still there.
		expect((await failure(removeMember(mine.ctx, mine.inst.id, theirMember.id))).status).toBe(404);
		expect((await listMembers(theirs.ctx, theirs.inst.id)).members).toHaveLength(1);
	});

	it('lets staff see colleagues but not invite them', async () => {
		const { inst } = await setup();
		const staff = await makeUser(platform, { role: 'staff', institutionId: inst.id });
		const staffCtx = await contextFor(platform, staff.id);
		expect((await listMembers(staffCtx, inst.id)).members).toHaveLength(2);
		expect((await failure(inviteMember(staffCtx, inst.id, { email: 'x@example.org', role: 'staff', locale: 'en' }))).status).toBe(403);
	});

	it('hides one institution’s audit trail from another institution’s admin', async () => {
		const mine = await setup();
		const theirs = await setup();
		expect((await failure(listAuditEvents(mine.ctx, { institutionId: theirs.inst.id }))).status).toBe(404);
		expect((await failure(listAuditEvents(mine.ctx))).status).toBe(404);
	});
});
