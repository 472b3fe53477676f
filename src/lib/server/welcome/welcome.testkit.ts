import type { RunningPlatform } from '../boot/platform';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { saveCatalogueService } from './catalogue.service';
import { saveOwnProfile } from './incoming.service';

/** For the welcome centre's tests: a KZ institution with an admin, staff, an airport pickup service and a student going there. */
export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const files = (entries: Record<string, { name: string; bytes: Uint8Array }>) => {
	const form = new FormData();
	for (const [field, f] of Object.entries(entries)) form.append(field, new File([f.bytes as Uint8Array<ArrayBuffer>], f.name));
	return form;
};

export async function welcomeSetting(platform: RunningPlatform) {
	const inst = await makeInstitution(platform, { countryCode: 'KZ' });
	const admin = await contextFor(platform, (await makeUser(platform, { role: 'institution_admin', institutionId: inst.id })).id);
	const staff = await contextFor(platform, (await makeUser(platform, { role: 'staff', institutionId: inst.id })).id);
	const pickup = await saveCatalogueService(admin, inst.id, null, {
		code: 'airport_pickup',
		'name.en': 'Airport pickup',
		audiences: 'student',
		turnaroundDays: '3',
		position: '1',
		active: 'on',
		version: '0',
		'q.0.key': 'flight',
		'q.0.type': 'text',
		'q.0.required': 'on',
		'q.0.label.en': 'Flight',
		'd.0.key': 'passport',
		'd.0.required': 'on',
		'd.0.label.en': 'Passport scan'
	});
	await saveCatalogueService(admin, inst.id, null, { code: 'staff_housing', 'name.en': 'Staff housing', audiences: 'staff', turnaroundDays: '5', position: '2', active: 'on', version: '0' });
	const student = await makeUser(platform, { locale: 'ru' });
	const me = await contextFor(platform, student.id);
	await saveOwnProfile(me, { kind: 'student', institution: inst.slug, nationality: 'DE', dateOfBirth: '2003-04-05', passportNumber: 'C01X00T47', passportExpiry: '2031-01-01', stayStart: '2027-02-01', stayEnd: '2027-06-30', arrivalDate: '2027-01-25', housing: 'unknown', version: '0' }, new Date('2026-11-28T00:00:00Z'));
	return { inst, admin, staff, pickup, me, student };
}

