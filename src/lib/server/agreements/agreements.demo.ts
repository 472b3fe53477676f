import { eq } from 'drizzle-orm';
import { academicYearOf } from '$lib/agreements/list-filters';
import type { Actor } from '../access/policy';
import { person } from '../auth/auth.views';
import { institutionDirectory } from '../institutions/institutions.views';
import type { Platform, ServiceContext } from '../platform/context';
import { addPlatformPartner, addUnit, ownPartnerEntry, partnersByIds } from '../partners/partners.service';
import { contentFromForm } from './agreement-form';
import { toIia } from './agreement-content';
import { listAgreements } from './agreement-list';
import { approveAgreement, createAgreement, importPartnerCopy, recordPartnerApproval, updateAgreement } from './agreements.service';
import { iiaGetResponseXml } from './iia-xml';

/**
 * Demo agreements among the WELCOME institutions, made through the services as the platform
 * admin would (so they are versioned, hashed and audited like real ones): ENU–UPC student
 * studies in engineering with UPC's differing copy, KTH–Tongji staff teaching approved by both,
 * an ENU–Beihang memorandum, Narxoz–URV in its second version. An institution that already has
 * agreements is left alone.
 */

interface DemoAgreement {
	owner: string;
	partner: string;
	kind: 'erasmus' | 'bilateral' | 'mou';
	units: { own?: [string, string]; partner?: [string, string] };
	fields: Record<string, string>;
	/** A second version: fields changed after the first save. */
	then?: Record<string, string>;
	approvedByUs?: boolean;
	approvedByPartner?: string;
	/** The partner's copy: their own iia-id, and fields that differ from ours. */
	partnerCopy?: { iiaId: string; differs: Record<string, string> };
}

/**
 * The demo's agreements, their academic years counted from `year` (the current one), so the
 * demo stays current: ENU–Beihang and KTH–Tongji end next academic year, Narxoz–URV this one.
 */
function demoAgreements(year: number): DemoAgreement[] {
	const ay = (offset: number) => `${year + offset}/${year + offset + 1}`;

	const studies = (i: number, direction: 'in' | 'out', extra: Record<string, string> = {}) => ({
		[`c${i}.kind`]: 'student-studies',
		[`c${i}.direction`]: direction,
		[`c${i}.firstYear`]: ay(-1),
		[`c${i}.lastYear`]: ay(2),
		[`c${i}.mobilities`]: '2',
		[`c${i}.total`]: '10',
		[`c${i}.languages`]: 'en B2',
		[`c${i}.eqf6`]: 'on',
		[`c${i}.eqf7`]: 'on',
		...extra
	});

	const teaching = (i: number, direction: 'in' | 'out', extra: Record<string, string> = {}) => ({
		[`c${i}.kind`]: 'staff-teacher',
		[`c${i}.direction`]: direction,
		[`c${i}.firstYear`]: ay(-1),
		[`c${i}.lastYear`]: ay(1),
		[`c${i}.mobilities`]: '1',
		[`c${i}.total`]: '5',
		[`c${i}.languages`]: 'en B2',
		...extra
	});

	return [
		{
			owner: 'enu',
			partner: 'upc',
			kind: 'erasmus',
			units: { own: ['ENU-FIT', 'Faculty of Information Technologies'], partner: ['UPC-ETSEIB', 'School of Industrial Engineering of Barcelona'] },
			fields: {
				count: '3',
				ourUnit: 'ENU-FIT',
				ourIiaCode: 'ENU-UPC/2025/01',
				partnerUnit: 'UPC-ETSEIB',
				...studies(0, 'out', { 'c0.partnerUnit': 'UPC-ETSEIB', 'c0.subjects': '0713 Electrical engineering\n0732 Civil engineering', 'c0.languages': 'en B2\nes B1' }),
				...studies(1, 'in', { 'c1.ourUnit': 'ENU-FIT', 'c1.subjects': '0613 Software engineering' }),
				...teaching(2, 'in', { 'c2.subjects': '0713' })
			},
			approvedByPartner: 'Signed PDF received by e-mail',
			partnerCopy: { iiaId: 'UPC-IIA-2025-0117', differs: { 'c0.mobilities': '3' } }
		},
		{
			owner: 'kth',
			partner: 'tongji',
			kind: 'erasmus',
			units: {},
			fields: { count: '2', ...teaching(0, 'in', { 'c0.mobilities': '2', 'c0.subjects': '0732 Sustainable urban building' }), ...teaching(1, 'out', { 'c1.subjects': '0731 Architecture and town planning' }) },
			approvedByUs: true,
			approvedByPartner: 'Approved at the consortium meeting, Stockholm, 18 April 2018'
		},
		{
			owner: 'enu',
			partner: 'buaa',
			kind: 'mou',
			units: {},
			fields: { count: '2', ...studies(0, 'out', { 'c0.lastYear': ay(1), 'c0.mobilities': '5', 'c0.languages': 'zh B1\nen B2', 'c0.subjects': '0716 Aerospace engineering' }), ...studies(1, 'in', { 'c1.lastYear': ay(1), 'c1.mobilities': '5', 'c1.languages': 'ru B1\nen B2' }) },
			approvedByUs: true
		},
		{
			owner: 'narxoz',
			partner: 'urv',
			kind: 'erasmus',
			units: {},
			fields: { count: '1', ...studies(0, 'out', { 'c0.lastYear': ay(0), 'c0.subjects': '0311 Economics\n0413 Management and administration' }) },
			then: { 'c0.mobilities': '3' }
		}
	];
}

async function actorFor(platform: Platform, institutionId: string): Promise<Actor | null> {
	const [admin] = await platform.db.select({ id: person.id, email: person.email }).from(person).where(eq(person.email, 'admin@demo.welcome.test'));
	return admin ? { userId: admin.id, email: admin.email, platformRole: 'platform_admin', memberships: new Map([[institutionId, 'institution_admin']]) } : null;
}

export async function seedDemoAgreements(platform: Platform) {
	const ids = new Map((await platform.db.select({ id: institutionDirectory.id, slug: institutionDirectory.slug, heiId: institutionDirectory.heiId }).from(institutionDirectory)).map((r) => [r.slug, r]));
	let made = 0;
	for (const demo of demoAgreements(academicYearOf(platform.clock.now()))) {
		const owner = ids.get(demo.owner);
		const other = ids.get(demo.partner);
		if (!owner?.heiId || !other?.heiId) continue;
		const actor = await actorFor(platform, owner.id);
		if (!actor) continue;
		const ctx: ServiceContext = { ...platform, actor, requestId: 'demo-seed', locale: 'en' };
		if ((await listAgreements(ctx, owner.id, { q: other.heiId })).agreements.some((a) => a.partner.heiId === other.heiId)) continue;
		const own = await ownPartnerEntry(ctx, owner.id);
		const partner = await addPlatformPartner(ctx, owner.id, other.id);
		const [ownSide, partnerSide] = await Promise.all([partnersByIds(ctx, owner.id, [own.id]), partnersByIds(ctx, owner.id, [partner.id])]);
		if (demo.units.own && !ownSide[0]!.units.some((u) => u.ounitId === demo.units.own![0])) await addUnit(ctx, owner.id, own.id, { ounitId: demo.units.own[0], name: { en: demo.units.own[1] } });
		if (demo.units.partner && !partnerSide[0]!.units.some((u) => u.ounitId === demo.units.partner![0])) await addUnit(ctx, owner.id, partner.id, { ounitId: demo.units.partner[0], name: { en: demo.units.partner[1] } });
		let row = await createAgreement(ctx, owner.id, partner.id, { kind: demo.kind, content: contentFromForm(demo.fields, owner.heiId, other.heiId) });
		if (demo.then) row = await updateAgreement(ctx, owner.id, row.id, { kind: demo.kind, version: row.version, content: contentFromForm({ ...demo.fields, ...demo.then }, owner.heiId, other.heiId) });
		if (demo.approvedByPartner) await recordPartnerApproval(ctx, owner.id, row.id, { version: row.version, note: demo.approvedByPartner });
		if (demo.approvedByUs) await approveAgreement(ctx, owner.id, row.id, { version: row.version });
		if (demo.partnerCopy) {
			const theirs = toIia(contentFromForm({ ...demo.fields, ...demo.partnerCopy.differs }, owner.heiId, other.heiId), row.iiaId, false);
			const copy = { ...theirs, partners: [{ ...theirs.partners[1], iiaId: demo.partnerCopy.iiaId }, theirs.partners[0]] as typeof theirs.partners };
			const xml = iiaGetResponseXml([copy]);
			await importPartnerCopy(ctx, owner.id, row.id, { text: xml, size: Buffer.byteLength(xml) });
		}
		made++;
	}
	return made;
}
