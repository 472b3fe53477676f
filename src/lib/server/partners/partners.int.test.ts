import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../audit/audit.service';
import type { RunningPlatform } from '../boot/platform';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { failure } from '../testing/assertions';
import { addContact, addPlatformPartner, addUnit, createPartner, getPartner, listPartners, ownPartnerEntry, removeContact, updatePartner } from './partners.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

let n = 0;
async function office() {
	n++;
	const inst = await makeInstitution(platform, { heiId: `home${n}.example.edu` });
	const staff = await makeUser(platform, { role: 'staff', institutionId: inst.id });
	return { inst, staff, ctx: await contextFor(platform, staff.id) };
}

const upc = { heiId: 'UPC.edu ', erasmusCode: 'e barcelo03', name: { en: 'Universitat Politècnica de Catalunya', ru: '', kk: '', zh: '加泰罗尼亚理工大学' }, city: { en: 'Barcelona' }, countryCode: 'es', website: 'https://www.upc.edu' };

describe('the partner directory', () => {
	it('lets staff add a partner by hand, in the official forms, once', async () => {
		const { inst, ctx } = await office();
		const created = await createPartner(ctx, inst.id, upc);
		expect(created).toMatchObject({ heiId: 'upc.edu', erasmusCode: 'E  BARCELO03', countryCode: 'ES', name: { en: 'Universitat Politècnica de Catalunya', zh: '加泰罗尼亚理工大学' } });
		expect(created.name).not.toHaveProperty('ru');
		expect((await failure(createPartner(ctx, inst.id, upc))).fields.heiId).toBe('error_partner_exists');
		const { partners } = await listPartners(ctx, inst.id, { q: 'barcel' });
		expect(partners.map((p) => p.heiId)).toEqual(['upc.edu']);
		expect((await listPartners(ctx, inst.id, { q: '50%_\\' })).partners).toEqual([]);
	});

	it('names every bad field in the user’s terms', async () => {
		const { inst, ctx } = await office();
		const bad = await failure(createPartner(ctx, inst.id, { heiId: 'not a domain', erasmusCode: 'Barcelona', name: { en: ' ' }, countryCode: 'XX', website: 'upc.edu' }));
		expect(bad.fields).toMatchObject({ heiId: 'error_hei_id_invalid', erasmusCode: 'error_erasmus_code_invalid', name: 'error_name_any_language', countryCode: 'error_choose_one', website: 'error_url_invalid' });
	});

	it('offers the platform’s institutions and adds one from its profile, linked', async () => {
		const { inst, ctx } = await office();
		const other = await makeInstitution(platform, { heiId: `partner${n}.example.edu`, countryCode: 'CN', name: { en: 'Partner University', zh: '合作大学' } });
		const before = await listPartners(ctx, inst.id);
		expect(before.onPlatform.map((p) => p.heiId)).toContain(other.heiId);
		expect(before.onPlatform.map((p) => p.id)).not.toContain(inst.id);
		const added = await addPlatformPartner(ctx, inst.id, other.id);
		expect(added).toMatchObject({ heiId: other.heiId, countryCode: 'CN', platformInstitutionId: other.id, name: { en: 'Partner University', zh: '合作大学' } });
		expect((await addPlatformPartner(ctx, inst.id, other.id)).id).toBe(added.id);
		const after = await listPartners(ctx, inst.id);
		expect(after.onPlatform.map((p) => p.heiId)).not.toContain(other.heiId);
		expect(after.partners.map((p) => p.heiId)).toContain(other.heiId);
		// Typed by hand with a platform institution's id: linked too.
		const { inst: third, ctx: thirdCtx } = await office();
		const typed = await createPartner(thirdCtx, third.id, { ...upc, heiId: other.heiId! });
		expect(typed.platformInstitutionId).toBe(other.id);
	});

	it('keeps the institution’s own entry for its side of agreements, and says when its EWP id is missing', async () => {
		const { inst, ctx } = await office();
		// Two pages opened at once both create it: one entry, no error.
		const [own, again] = await Promise.all([ownPartnerEntry(ctx, inst.id), ownPartnerEntry(ctx, inst.id)]);
		expect(again.id).toBe(own.id);
		expect((await listPartners(ctx, inst.id, {})).partners.filter((p) => p.heiId === inst.heiId)).toHaveLength(1);
		expect(own).toMatchObject({ heiId: inst.heiId, platformInstitutionId: inst.id });
		expect((await getPartner(ctx, inst.id, own.id)).isOwn).toBe(true);
		const bare = await makeInstitution(platform);
		const admin = await makeUser(platform, { role: 'institution_admin', institutionId: bare.id });
		expect((await failure(ownPartnerEntry(await contextFor(platform, admin.id), bare.id))).messageKey).toBe('error_own_hei_id_missing');
	});

	it('holds units and contacts with their roles, and records who changed what', async () => {
		const { inst, ctx, staff } = await office();
		const partner = await createPartner(ctx, inst.id, upc);
		const unit = await addUnit(ctx, inst.id, partner.id, { ounitId: 'ETSEIB-205', code: 'ETSEIB', name: { en: 'School of Industrial Engineering' } });
		expect((await failure(addUnit(ctx, inst.id, partner.id, { ounitId: 'ETSEIB-205', name: { en: 'Again' } }))).fields.ounitId).toBe('error_unit_exists');
		expect((await failure(addUnit(ctx, inst.id, partner.id, { ounitId: 'with space', name: { en: 'X' } }))).fields.ounitId).toBe('error_ewp_identifier_invalid');
		const contact = await addContact(ctx, inst.id, partner.id, { name: 'Marta Puig', email: 'Marta.Puig@UPC.edu', phone: '+34 934 01 62 00', unitId: unit.id, roles: ['coordinator', 'incoming', 'coordinator'] });
		expect(contact).toMatchObject({ email: 'marta.puig@upc.edu', phone: '+34934016200', roles: ['coordinator', 'incoming'], unitId: unit.id });
		const bad = await failure(addContact(ctx, inst.id, partner.id, { name: '', email: 'nope', phone: '934016200', roles: ['boss'] }));
		expect(bad.fields).toMatchObject({ name: 'error_required', email: 'error_email_invalid', phone: 'error_phone_e164', roles: 'error_choose_one' });
		const detail = await getPartner(ctx, inst.id, partner.id);
		expect(detail.units.map((u) => u.ounitId)).toEqual(['ETSEIB-205']);
		expect(detail.contacts.map((c) => c.name)).toEqual(['Marta Puig']);
		await removeContact(ctx, inst.id, contact.id);
		const admin = await makeUser(platform, { role: 'institution_admin', institutionId: inst.id });
		const { events } = await listAuditEvents(await contextFor(platform, admin.id), { institutionId: inst.id });
		const actions = events.filter((e) => e.entityId === partner.id).map((e) => e.action);
		expect(actions).toEqual(expect.arrayContaining(['partner.create', 'partner.add_unit', 'partner.add_contact', 'partner.remove_contact']));
		const removal = events.find((e) => e.action === 'partner.remove_contact')!;
		expect(removal).toMatchObject({ actorEmail: staff.email, changes: { name: { from: 'Marta Puig', to: null } } });
	});

	it('refuses a save based on an old version, keeping the first', async () => {
		const { inst, ctx } = await office();
		const partner = await createPartner(ctx, inst.id, upc);
		const saved = await updatePartner(ctx, inst.id, partner.id, { ...upc, city: { en: 'Terrassa' }, version: partner.version });
		expect(saved.version).toBe(partner.version + 1);
		expect((await failure(updatePartner(ctx, inst.id, partner.id, { ...upc, city: { en: 'Manresa' }, version: partner.version }))).messageKey).toBe('error_stale_edit');
		expect((await getPartner(ctx, inst.id, partner.id)).partner.city).toEqual({ en: 'Terrassa' });
	});

	it('answers 404 to another institution’s staff, and forbids editors and translators', async () => {
		const { inst, ctx } = await office();
		const partner = await createPartner(ctx, inst.id, upc);
		const { ctx: otherCtx, inst: otherInst } = await office();
		expect((await failure(getPartner(otherCtx, inst.id, partner.id))).status).toBe(404);
		expect((await failure(getPartner(otherCtx, otherInst.id, partner.id))).status).toBe(404);
		expect((await failure(addContact(otherCtx, otherInst.id, partner.id, { name: 'X' }))).status).toBe(404);
		expect((await failure(removeContact(otherCtx, otherInst.id, partner.id))).status).toBe(404);
		expect((await failure(getPartner(otherCtx, otherInst.id, 'not-a-uuid'))).status).toBe(404);
		for (const role of ['editor', 'translator'] as const) {
			const user = await makeUser(platform, { role, institutionId: inst.id });
			expect((await failure(listPartners(await contextFor(platform, user.id), inst.id))).status).toBeGreaterThanOrEqual(403);
		}
	});
});
