import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { contextFor, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { agreementFields as fields, makeOffice } from './agreements.testing';
import { failure } from '../testing/assertions';
import { createPartner, ownPartnerEntry } from '../partners/partners.service';
import { contentFromForm } from './agreement-form';
import { hashOfIia, iiaGetResponseXml } from './iia-xml';
import { toIia } from './agreement-content';
import { agreementAttention, listAgreements } from './agreement-list';
import { fixedClock } from '../platform/clock';
import { agreementXml, approveAgreement, changesSinceVersion, createAgreement, restoreVersion, terminateAgreement, getAgreement, importPartnerCopy, partnerCopyDifferences, recordPartnerApproval, updateAgreement, versionDifferences } from './agreements.service';
import type { Iia } from './iia';
import { approvalStates } from './approval-states';
import { validateEwpDocument } from '../ewp/validate';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

describe('agreements', () => {
	it('creates an agreement in the IIA v7 shape, with our iia-id and the hash of its content', async () => {
		const { inst, ctx, partner, ourHei, theirHei } = await makeOffice(platform);
		const content = contentFromForm(fields(), ourHei, theirHei);
		const created = await createAgreement(ctx, inst.id, partner.id, { kind: 'erasmus', content });
		expect(created).toMatchObject({ version: 1, partnerCountry: 'ES', firstYear: 2025, lastYear: 2028, mobilityKinds: ['staff-teacher', 'student-studies'], subjectAreas: ['0613', '0713', '0732'] });
		expect(created.iiaId).toMatch(/^[0-9a-f-]{36}$/);
		expect(created.hash).toBe(hashOfIia(toIia(created.content, created.iiaId, false)).hash);
		const [teaching, studies] = created.content.conditions;
		expect(teaching).toMatchObject({ sendingHeiId: theirHei, receivingHeiId: ourHei, totalDaysPerYear: 10 });
		expect(teaching!.receivingOunitId).toBeUndefined();
		expect(studies).toMatchObject({ sendingHeiId: ourHei, receivingHeiId: theirHei, receivingOunitId: 'ETSEIB', totalMonthsPerYear: 5.5, blended: true, eqfLevels: [6, 7] });
		expect(studies!.languageSkills).toEqual([{ language: 'es', cefrLevel: 'B1' }, { language: 'en', cefrLevel: 'B2', subjectArea: { iscedCode: '0732' } }]);
		const list = (await listAgreements(ctx, inst.id)).agreements;
		expect(list.map((a) => a.partner.heiId)).toEqual([theirHei]);
	});

	it('refuses bad content field by field, in the editor’s terms', async () => {
		const { inst, ctx, partner, ourHei, theirHei } = await makeOffice(platform);
		const bad = contentFromForm(fields({ 'c0.firstYear': '2027/2028', 'c0.lastYear': '2025/2026', 'c0.mobilities': '-1', 'c0.subjects': '0315', 'c0.languages': 'en Z9', 'c1.total': '0', 'c1.partnerUnit': 'NOPE' }), ourHei, theirHei);
		const error = await failure(createAgreement(ctx, inst.id, partner.id, { kind: 'erasmus', content: bad }));
		expect(error.fields).toMatchObject({ 'c0.lastYear': 'error_years_backwards', 'c0.mobilities': 'error_quota_invalid', 'c0.subjects': 'error_isced_unknown', 'c0.languages': 'error_cefr_unknown', 'c1.total': 'error_total_invalid', 'c1.partnerUnit': 'error_choose_one' });
		expect(() => contentFromForm(fields({ 'c0.subjects': 'software', 'c1.languages': 'en B2 0613 extra' }), ourHei, theirHei)).toThrowError(expect.objectContaining({ fields: { 'c0.subjects': 'error_subject_lines', 'c1.languages': 'error_language_lines' } }));
		const noLanguage = contentFromForm(fields({ 'c0.languages': '' }), ourHei, theirHei);
		expect((await failure(createAgreement(ctx, inst.id, partner.id, { kind: 'erasmus', content: noLanguage }))).fields['c0.languages']).toBe('error_language_required');
		const own = await ownPartnerEntry(ctx, inst.id);
		expect((await failure(createAgreement(ctx, inst.id, own.id, { kind: 'erasmus', content: contentFromForm(fields(), ourHei, ourHei) }))).fields.partnerId).toBe('error_partner_is_self');
	});

	it('saves every change as a version, explains the change, and reopens approvals', async () => {
		const { inst, ctx, partner, ourHei, theirHei } = await makeOffice(platform);
		const created = await createAgreement(ctx, inst.id, partner.id, { kind: 'erasmus', content: contentFromForm(fields(), ourHei, theirHei) });
		await approveAgreement(ctx, inst.id, created.id, { version: 1 });
		await recordPartnerApproval(ctx, inst.id, created.id, { version: 1, note: 'Signed PDF, 3 March' });
		expect((await getAgreement(ctx, inst.id, created.id)).approvals).toEqual({ ours: 'approved', partner: 'approved' });

		// Nothing changed: no new version.
		expect((await updateAgreement(ctx, inst.id, created.id, { kind: 'erasmus', version: 1, content: contentFromForm(fields(), ourHei, theirHei) })).version).toBe(1);
		const saved = await updateAgreement(ctx, inst.id, created.id, { kind: 'erasmus', version: 1, content: contentFromForm(fields({ 'c0.mobilities': '3' }), ourHei, theirHei) });
		expect(saved.version).toBe(2);
		expect(saved.hash).not.toBe(created.hash);
		const { approvals, versions } = await getAgreement(ctx, inst.id, created.id);
		expect(approvals).toEqual({ ours: 'changed', partner: 'changed' });
		expect(versions.map((v) => v.number)).toEqual([2, 1]);
		expect(await versionDifferences(ctx, inst.id, created.id, 1, 2)).toEqual([{ condition: { kind: 'staff-teacher', outgoing: false, n: 1 }, field: 'mobilities', ours: '2', theirs: '3' }]);
		// A save based on version 1 now: refused, the second kept.
		expect((await failure(updateAgreement(ctx, inst.id, created.id, { kind: 'erasmus', version: 1, content: contentFromForm(fields({ 'c0.mobilities': '5' }), ourHei, theirHei) }))).messageKey).toBe('error_stale_edit');
		expect((await getAgreement(ctx, inst.id, created.id)).agreement.content.conditions[0]!.mobilitiesPerYear).toBe(3);
		// The late editor is told who saved and what changed since the version they opened.
		const since = await changesSinceVersion(ctx, inst.id, created.id, 1);
		expect(since).toMatchObject({ by: ctx.actor!.email, from: 1, to: 2, differences: [{ field: 'mobilities', ours: '2', theirs: '3' }] });
		expect((await changesSinceVersion(ctx, inst.id, created.id, 99)).from).toBeNull();
	});

	it('filters the list by partner, country, status, expiry, subject area, mobility type and kind, and counts what needs attention', async () => {
		const office1 = await makeOffice(platform);
		const { inst, partner, ourHei, theirHei } = office1;
		const ctx = { ...office1.ctx, clock: fixedClock('2026-12-01T10:00:00Z') };
		const other = await createPartner(ctx, inst.id, { heiId: `other${office1.n}.example.cn`, name: { en: 'Other Institute', zh: '另一所学院' }, countryCode: 'CN' });
		const a = await createAgreement(ctx, inst.id, partner.id, { kind: 'erasmus', content: contentFromForm(fields(), ourHei, theirHei) });
		const b = await createAgreement(ctx, inst.id, other.id, { kind: 'bilateral', content: contentFromForm(fields({ count: '1', 'c0.lastYear': '2027/2028', 'c0.subjects': '0311' }), ourHei, other.heiId) });
		await approveAgreement(ctx, inst.id, a.id, { version: 1 });
		await recordPartnerApproval(ctx, inst.id, a.id, { version: 1 });
		const found = async (filters: Parameters<typeof listAgreements>[2]) => (await listAgreements(ctx, inst.id, filters)).agreements.map((r) => r.id).sort();
		const both = [a.id, b.id].sort();
		expect(await found({})).toEqual(both);
		expect(await found({ q: 'OTHER' })).toEqual([b.id]);
		expect(await found({ q: '另一所' })).toEqual([b.id]);
		expect(await found({ q: 'nobody-like-this' })).toEqual([]);
		expect(await found({ country: 'ES' })).toEqual([a.id]);
		expect(await found({ status: 'approved' })).toEqual([a.id]);
		expect(await found({ status: 'ours' })).toEqual([b.id]);
		expect(await found({ status: 'partner' })).toEqual([b.id]);
		expect(await found({ status: 'terminated' })).toEqual([]);
		expect(await found({ expiry: 'next' })).toEqual([b.id]);
		expect(await found({ expiry: 'this' })).toEqual([]);
		expect(await found({ expiry: 'running' })).toEqual(both);
		expect(await found({ subject: '06' })).toEqual([a.id]);
		expect(await found({ subject: '031' })).toEqual([b.id]);
		expect(await found({ mobility: 'student-studies' })).toEqual([a.id]);
		expect(await found({ kind: 'bilateral', country: 'CN', expiry: 'next' })).toEqual([b.id]);
		const page = await listAgreements(ctx, inst.id, { country: 'CN' });
		expect(page).toMatchObject({ total: 1, academicYear: 2026, countries: ['CN', 'ES'] });
		expect(page.agreements[0]!.partner.name).toMatchObject({ zh: '另一所学院' });
		expect(await agreementAttention(ctx, inst.id)).toMatchObject({ total: 2, endingThis: 0, endingNext: 1, partner: 1, copy: 0, changed: 0 });
		await updateAgreement(ctx, inst.id, a.id, { kind: 'erasmus', version: 1, content: contentFromForm(fields({ 'c0.mobilities': '3' }), ourHei, theirHei) });
		expect(await found({ status: 'changed' })).toEqual([a.id]);
		expect(await agreementAttention({ ...ctx, clock: fixedClock('2027-09-01T00:00:00Z') }, inst.id)).toMatchObject({ endingThis: 1, endingNext: 1, changed: 1, partner: 2 });
	});

	it('terminates only a mutually approved agreement, restores an approved version, and gives our copy as a valid IIA file', async () => {
		const { inst, ctx, partner, ourHei, theirHei } = await makeOffice(platform);
		const a = await createAgreement(ctx, inst.id, partner.id, { kind: 'erasmus', content: contentFromForm(fields(), ourHei, theirHei) });
		expect((await failure(createAgreement(ctx, inst.id, partner.id, { kind: 'erasmus', content: contentFromForm(fields({ terminated: 'on' }), ourHei, theirHei) }))).fields).toEqual({ terminated: 'error_terminate_not_approved' });
		expect((await failure(terminateAgreement(ctx, inst.id, a.id, { version: 1 }, 0))).messageKey).toBe('error_terminate_not_approved');
		expect((await failure(updateAgreement(ctx, inst.id, a.id, { kind: 'erasmus', version: 1, content: contentFromForm(fields({ terminated: 'on' }), ourHei, theirHei) }))).fields).toEqual({ terminated: 'error_terminate_not_approved' });
		await approveAgreement(ctx, inst.id, a.id, { version: 1 });
		await recordPartnerApproval(ctx, inst.id, a.id, { version: 1 });
		const pending = await agreementXml(ctx, inst.id, a.id);
		expect(pending.xml).toContain('<in-effect>true</in-effect>');
		expect(await validateEwpDocument(pending.xml, 'iiasGetResponse')).toEqual({ valid: true, errors: [] });

		// A change both sides do not agree on goes back to the approved text: its approvals count again.
		const changed = await updateAgreement(ctx, inst.id, a.id, { kind: 'erasmus', version: 1, content: contentFromForm(fields({ 'c0.mobilities': '5' }), ourHei, theirHei) });
		expect(approvalStates(changed)).toEqual({ ours: 'changed', partner: 'changed' });
		expect((await failure(restoreVersion(ctx, inst.id, a.id, { version: 1, restore: 1 }))).status).toBe(409);
		const restored = await restoreVersion(ctx, inst.id, a.id, { version: 2, restore: 1 });
		expect(restored).toMatchObject({ version: 3, hash: a.hash });
		expect(approvalStates(restored)).toEqual({ ours: 'approved', partner: 'approved' });

		const terminated = await terminateAgreement(ctx, inst.id, a.id, { version: 3 }, 0);
		expect(terminated).toMatchObject({ version: 4, terminated: true });
		expect(terminated.hash).not.toBe(a.hash);
		expect(approvalStates(terminated)).toEqual({ ours: 'changed', partner: 'changed' });
		const xml = (await agreementXml(ctx, inst.id, a.id)).xml;
		expect(xml).toContain('terminated-as-a-whole="true"');
		expect(await validateEwpDocument(xml, 'iiasGetResponse')).toEqual({ valid: true, errors: [] });
		expect((await failure(agreementXml((await makeOffice(platform)).ctx, inst.id, a.id))).status).toBe(404);
	});

	it('answers 404 to another institution’s staff on every agreement action', async () => {
		const { inst, ctx, partner, ourHei, theirHei } = await makeOffice(platform);
		const created = await createAgreement(ctx, inst.id, partner.id, { kind: 'bilateral', content: contentFromForm(fields(), ourHei, theirHei) });
		const other = await makeOffice(platform);
		// One at a time: each attempt starts only when awaited, so none rejects unobserved.
		for (const attempt of [
			() => getAgreement(other.ctx, other.inst.id, created.id),
			() => updateAgreement(other.ctx, other.inst.id, created.id, { kind: 'bilateral', version: 1, content: contentFromForm(fields(), other.ourHei, other.theirHei) }),
			() => approveAgreement(other.ctx, other.inst.id, created.id, { version: 1 }),
			() => recordPartnerApproval(other.ctx, other.inst.id, created.id, { version: 1 }),
			() => versionDifferences(other.ctx, other.inst.id, created.id, 1, 1),
			() => getAgreement(other.ctx, inst.id, created.id)
		]) {
			expect((await failure(attempt())).status).toBe(404);
		}
		// Their partner is not in our directory either.
		expect((await failure(createAgreement(ctx, inst.id, other.partner.id, { kind: 'erasmus', content: contentFromForm(fields(), ourHei, theirHei) }))).fields.partnerId).toBe('error_choose_one');
	});

	it('imports the partner’s copy, explains field by field how it differs, and approves its hash', async () => {
		const { inst, ctx, partner, ourHei, theirHei } = await makeOffice(platform);
		const created = await createAgreement(ctx, inst.id, partner.id, { kind: 'erasmus', content: contentFromForm(fields(), ourHei, theirHei) });
		// Their copy: they come first, with their own iia-id, and 3 teaching mobilities where we have 2.
		const ours = toIia(created.content, created.iiaId, false);
		const theirs: Iia = structuredClone({ ...ours, partners: [{ ...ours.partners[1], iiaId: 'UPC-77' }, ours.partners[0]] });
		theirs.conditions[0]!.mobilitiesPerYear = 3;
		const file = (xml: string) => ({ text: xml, size: Buffer.byteLength(xml) });
		const { agreement } = await importPartnerCopy(ctx, inst.id, created.id, file(iiaGetResponseXml([theirs])));
		expect(agreement.partnerCopyHash).toBe(hashOfIia(theirs).hash);
		expect(partnerCopyDifferences(agreement)).toEqual([
			{ condition: null, field: 'partnerIiaId', ours: '', theirs: 'UPC-77' },
			{ condition: { kind: 'staff-teacher', outgoing: false, n: 1 }, field: 'mobilities', ours: '2', theirs: '3' }
		]);
		await approveAgreement(ctx, inst.id, created.id, { version: 1 });
		const after = await getAgreement(ctx, inst.id, created.id);
		expect(after.agreement.ourApprovalHash).toBe(agreement.partnerCopyHash);
		expect(after.approvals.ours).toBe('approved');

		// What is refused, and why, next to the file field.
		expect((await failure(importPartnerCopy(ctx, inst.id, created.id, file('not xml at all')))).fields.file).toBe('error_iia_xml_unreadable');
		expect((await failure(importPartnerCopy(ctx, inst.id, created.id, file('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')))).fields.file).toBe('error_iia_xml_unreadable');
		const broken = await failure(importPartnerCopy(ctx, inst.id, created.id, file(iiaGetResponseXml([theirs]).replace('<mobilities-per-year>3</mobilities-per-year>', '<mobilities-per-year>-1</mobilities-per-year>'))));
		expect(broken.fields.file).toBe('error_iia_xml_schema');
		expect(String(broken.params.detail)).toContain('mobilities-per-year');
		const stranger = structuredClone(theirs);
		stranger.partners[0]!.heiId = 'someone.else.edu';
		for (const c of stranger.conditions) for (const side of ['sendingHeiId', 'receivingHeiId'] as const) if (c[side] === theirHei) c[side] = 'someone.else.edu';
		expect((await failure(importPartnerCopy(ctx, inst.id, created.id, file(iiaGetResponseXml([stranger]))))).fields.file).toBe('error_iia_xml_not_ours_short');
		expect((await failure(importPartnerCopy(ctx, inst.id, created.id, null))).fields.file).toBe('error_file_required');
		// A copy with values v7 needs but the partner could not give: kept, but not approvable.
		const v6 = iiaGetResponseXml([theirs]).replace('<isced-f-code>0613</isced-f-code>', '<isced-f-code v6-value="061">0613</isced-f-code>');
		await importPartnerCopy(ctx, inst.id, created.id, file(v6));
		expect((await failure(approveAgreement(ctx, inst.id, created.id, { version: 1 }))).messageKey).toBe('error_partner_copy_not_approvable');
		// Another institution's staff: 404.
		const other = await makeOffice(platform);
		expect((await failure(importPartnerCopy(other.ctx, other.inst.id, created.id, file(iiaGetResponseXml([theirs]))))).status).toBe(404);
	});

	it('seeds the demo consortium’s agreements once: approved, versioned, one with a differing partner copy', async () => {
		const { seedDemo } = await import('../demo/demo.seed');
		const { seedDemoAgreements } = await import('./agreements.demo');
		const { eq } = await import('drizzle-orm');
		const { institutionDirectory } = await import('../institutions/institutions.views');
		await seedDemo(platform);
		expect(await seedDemoAgreements(platform)).toBe(0);
		const idOf = async (slug: string) => (await platform.db.select({ id: institutionDirectory.id }).from(institutionDirectory).where(eq(institutionDirectory.slug, slug)))[0]!.id;
		const [enu, kth, narxoz] = [await idOf('enu'), await idOf('kth'), await idOf('narxoz')];
		const admin = await makeUser(platform, { role: 'institution_admin', institutionId: enu });
		const enuAgreements = (await listAgreements(await contextFor(platform, admin.id), enu)).agreements;
		expect(enuAgreements.map((a) => [a.partner.heiId, a.kind]).sort()).toEqual([['buaa.edu.cn', 'mou'], ['upc.edu', 'erasmus']]);
		const upc = enuAgreements.find((a) => a.partner.heiId === 'upc.edu')!;
		expect(upc.approvals).toEqual({ ours: 'none', partner: 'approved' });
		expect(partnerCopyDifferences(upc)).toContainEqual({ condition: { kind: 'student-studies', outgoing: true, n: 1 }, field: 'mobilities', ours: '2', theirs: '3' });
		const kthAdmin = await makeUser(platform, { role: 'institution_admin', institutionId: kth });
		expect((await listAgreements(await contextFor(platform, kthAdmin.id), kth)).agreements[0]!.approvals).toEqual({ ours: 'approved', partner: 'approved' });
		const narxozAdmin = await makeUser(platform, { role: 'staff', institutionId: narxoz });
		expect((await listAgreements(await contextFor(platform, narxozAdmin.id), narxoz)).agreements[0]!.version).toBe(2);
	});
});
