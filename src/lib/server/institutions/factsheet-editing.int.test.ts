import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { listAuditEvents } from '../audit/audit.service';
import { factsheetChangesSince, getFactsheetForEditing, updateFactsheet } from './factsheet-editing.service';
import { getFactsheet } from './factsheet.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

/** The form as the browser sends it: every field a string, lists from checkboxes. */
function form(overrides: Record<string, unknown> = {}) {
	return {
		foundedYear: '1996',
		students: '25000',
		internationalStudents: '1500',
		instructionLanguages: 'kk, ru, EN',
		officeEmail: 'io@example.org',
		officePhone: '+7 7172 70 95 00',
		officeUrl: 'https://example.org/io',
		centreEmail: '',
		centrePhone: '',
		centreUrl: '',
		services: ['visa_support', 'buddy'],
		nominationDeadlineAutumn: '05-15',
		nominationDeadlineSpring: '',
		applicationDeadlineAutumn: '06-15',
		applicationDeadlineSpring: '',
		applicationEmail: '',
		applicationPhone: '',
		applicationUrl: '',
		additionalRequirements: ['transcript'],
		decisionWeeksLimit: '4',
		transcriptWeeksLimit: '',
		housingEmail: '',
		housingUrl: '',
		visaEmail: '',
		visaUrl: '',
		insuranceEmail: '',
		insuranceUrl: '',
		officeAddress: { en: '2 Satpayev Street, Astana' },
		centreHours: { en: 'Mon–Fri 9:00–18:00' },
		requirementsDetails: {},
		accommodation: { en: 'Dormitory places for incoming students.' },
		accessibility: {},
		additionalInfo: {},
		...overrides
	};
}

describe('institution factsheet editing', () => {
	it('creates the factsheet on first save and shows it publicly, with contacts folded back together', async () => {
		const inst = await makeInstitution(platform, { locales: ['en', 'ru'] });
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
		expect((await getFactsheetForEditing(editor, inst.id)).version).toBe(0);
		const saved = await updateFactsheet(editor, inst.id, form(), 0);
		expect(saved).toEqual({ saved: true, version: 1 });
		const stored = await getFactsheet(editor, inst.id);
		expect(stored?.instructionLanguages).toEqual(['kk', 'ru', 'en']);
		expect(stored?.internationalOffice).toEqual({ email: 'io@example.org', phone: '+7 7172 70 95 00', url: 'https://example.org/io', address: { en: '2 Satpayev Street, Astana' } });
		expect(stored?.welcomeCentre).toEqual({ hours: { en: 'Mon–Fri 9:00–18:00' } });
		expect(stored?.services).toEqual(['visa_support', 'buddy']);
		// Saving the same again changes nothing and writes no audit event.
		expect(await updateFactsheet(editor, inst.id, form(), 1)).toEqual({ saved: false, version: 1 });
		const audit = (await listAuditEvents(await contextFor(platform, (await makeUser(platform, { role: 'institution_admin', institutionId: inst.id })).id), { institutionId: inst.id })).events;
		expect(audit.filter((e) => e.action === 'factsheet.update')).toHaveLength(1);
	});

	it('refuses bad input field by field and keeps what was saved', async () => {
		const inst = await makeInstitution(platform);
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
		await updateFactsheet(editor, inst.id, form(), 0);
		const err = await failure(
			updateFactsheet(
				editor,
				inst.id,
				form({ foundedYear: '3000', internationalStudents: '30000', officeEmail: 'not-an-email', officePhone: 'call us', nominationDeadlineAutumn: '02-30', instructionLanguages: 'english', services: ['teleport'] }),
				1
			)
		);
		expect(err.fields).toEqual({
			foundedYear: 'error_number_range',
			officeEmail: 'error_email_invalid',
			officePhone: 'error_phone_invalid',
			nominationDeadlineAutumn: 'error_day_month_invalid',
			instructionLanguages: 'error_language_codes',
			services: 'error_choose_one'
		});
		expect((await failure(updateFactsheet(editor, inst.id, form({ internationalStudents: '30000' }), 1))).fields).toEqual({ internationalStudents: 'error_international_exceeds_students' });
		expect((await getFactsheet(editor, inst.id))?.foundedYear).toBe(1996);
	});

	it('tells the second of two editors what the first changed, and writes nothing', async () => {
		const inst = await makeInstitution(platform);
		const [a, b] = [
			await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id),
			await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id)
		];
		await updateFactsheet(a, inst.id, form(), 0);
		const opened = new Date();
		await updateFactsheet(a, inst.id, form({ students: '26000' }), 1);
		const err = await failure(updateFactsheet(b, inst.id, form({ decisionWeeksLimit: '6' }), 1));
		expect(err.status).toBe(409);
		const since = await factsheetChangesSince(b, inst.id, opened);
		expect(since.by).toBe(a.actor!.email);
		expect(since.changes.map((c) => c.field)).toEqual(['students']);
		expect((await getFactsheet(b, inst.id))?.decisionWeeksLimit).toBe(4);
	});

	it('lets translators change translations only, and flags translations left behind by a new original', async () => {
		const inst = await makeInstitution(platform, { locales: ['en', 'zh'], defaultLocale: 'en' });
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
		const translator = await contextFor(platform, (await makeUser(platform, { role: 'translator', institutionId: inst.id })).id);
		await updateFactsheet(editor, inst.id, form(), 0);
		expect((await getFactsheetForEditing(translator, inst.id)).gaps.zh.missing).toEqual(['officeAddress', 'centreHours', 'accommodation']);
		// The translator's form has no figures or contacts: they stay as they were; the original text is kept too.
		await updateFactsheet(translator, inst.id, form({ students: '', officeEmail: '', services: [], accommodation: { en: 'changed by translator', zh: '为来访学生提供宿舍。' } }), 1);
		const stored = await getFactsheet(editor, inst.id);
		expect(stored?.students).toBe(25000);
		expect(stored?.services).toEqual(['visa_support', 'buddy']);
		expect(stored?.accommodation).toEqual({ en: 'Dormitory places for incoming students.', zh: '为来访学生提供宿舍。' });
		expect((await getFactsheetForEditing(translator, inst.id)).gaps.zh.missing).toEqual(['officeAddress', 'centreHours']);

		await updateFactsheet(editor, inst.id, form({ accommodation: { en: 'Dormitory places, now with a kitchen.', zh: '为来访学生提供宿舍。' } }), 2);
		expect((await getFactsheetForEditing(translator, inst.id)).gaps.zh.stale).toEqual(['accommodation']);
	});

	it('answers 404 to staff of another institution', async () => {
		const [mine, theirs] = [await makeInstitution(platform), await makeInstitution(platform)];
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: mine.id })).id);
		expect((await failure(updateFactsheet(editor, theirs.id, form(), 0))).status).toBe(404);
		expect((await failure(getFactsheetForEditing(editor, theirs.id))).status).toBe(404);
	});
});
