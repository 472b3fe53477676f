import type { RunningPlatform } from '../boot/platform';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { addUnit, createPartner, ownPartnerEntry } from '../partners/partners.service';

/** What the agreements' integration tests start from. */

let n = 0;
/** An institution with staff, a unit, and a Spanish partner with a unit in its directory. */
export async function makeOffice(platform: RunningPlatform) {
	n++;
	const inst = await makeInstitution(platform, { heiId: `uni${n}.example.kz` });
	const staff = await makeUser(platform, { role: 'staff', institutionId: inst.id });
	const ctx = await contextFor(platform, staff.id);
	const own = await ownPartnerEntry(ctx, inst.id);
	await addUnit(ctx, inst.id, own.id, { ounitId: 'IT-FAC', name: { en: 'Faculty of IT' } });
	const partner = await createPartner(ctx, inst.id, { heiId: `partner${n}.example.es`, name: { en: 'Partner University' }, countryCode: 'ES' });
	await addUnit(ctx, inst.id, partner.id, { ounitId: 'ETSEIB', name: { en: 'School of Industrial Engineering' } });
	return { inst, ctx, partner, ourHei: inst.heiId!, theirHei: partner.heiId, n };
}

/** The editor's fields for a teaching exchange both ways and student studies out. */
export const agreementFields = (overrides: Record<string, string> = {}) => ({
	count: '2',
	ourUnit: 'IT-FAC',
	'c0.kind': 'staff-teacher',
	'c0.direction': 'in',
	'c0.firstYear': '2025/2026',
	'c0.lastYear': '2028/2029',
	'c0.mobilities': '2',
	'c0.total': '10',
	'c0.languages': 'en B2',
	'c0.subjects': '0613 Software engineering',
	'c1.kind': 'student-studies',
	'c1.direction': 'out',
	'c1.partnerUnit': 'ETSEIB',
	'c1.firstYear': '2025/2026',
	'c1.lastYear': '2027/2028',
	'c1.mobilities': '4',
	'c1.total': '5,5',
	'c1.languages': 'es B1\nen B2 0732',
	'c1.subjects': '0732\n0713 Electricity and energy',
	'c1.eqf6': 'on',
	'c1.eqf7': 'on',
	'c1.blended': 'on',
	...overrides
});
