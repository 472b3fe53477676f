import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { getCatalogueService, listCatalogue, publicCatalogue, saveCatalogueService } from './catalogue.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

async function team() {
	const inst = await makeInstitution(platform, { defaultLocale: 'en', locales: ['en', 'zh'] });
	const admin = await contextFor(platform, (await makeUser(platform, { role: 'institution_admin', institutionId: inst.id })).id);
	const staff = await contextFor(platform, (await makeUser(platform, { role: 'staff', institutionId: inst.id })).id);
	return { inst, admin, staff };
}

/** The editor's form as the browser sends it: basics, then designer rows (the last ones blank). */
const form = (overrides: Record<string, string> = {}) => ({
	code: 'airport_pickup',
	'name.en': 'Airport pickup',
	'name.zh': '机场接机',
	'description.en': 'We meet you at the airport.',
	audiences: 'student,researcher',
	turnaroundDays: '3',
	position: '10',
	active: 'on',
	version: '0',
	'q.0.key': 'flight',
	'q.0.type': 'text',
	'q.0.required': 'on',
	'q.0.label.en': 'Flight number',
	'q.1.key': 'terminal',
	'q.1.type': 'select',
	'q.1.label.en': 'Terminal',
	'q.1.choices.en': 'T1\nT2',
	'q.1.choices.zh': '一号航站楼\n二号航站楼',
	'q.2.key': '',
	'q.2.type': 'text',
	'd.0.key': 'passport',
	'd.0.required': 'on',
	'd.0.label.en': 'Passport',
	'd.1.key': '',
	...overrides
});

describe('the welcome centre’s service catalogue', () => {
	it('saves a service with its designed questions and shows active services publicly', async () => {
		const { inst, admin, staff } = await team();
		const created = await saveCatalogueService(admin, inst.id, null, form());
		const saved = await getCatalogueService(staff, inst.id, created.id);
		expect(saved).toMatchObject({ code: 'airport_pickup', audiences: ['student', 'researcher'], turnaroundDays: 3, active: true, canConfigure: false });
		expect(saved.questions).toEqual([
			{ key: 'flight', type: 'text', required: true, label: { en: 'Flight number' }, help: {}, choices: [] },
			{ key: 'terminal', type: 'select', required: false, label: { en: 'Terminal' }, help: {}, choices: [{ en: 'T1', zh: '一号航站楼' }, { en: 'T2', zh: '二号航站楼' }] }
		]);
		expect(saved.documents).toEqual([{ key: 'passport', required: true, label: { en: 'Passport' } }]);
		expect((await publicCatalogue(staff, inst.id)).map((s) => s.code)).toEqual(['airport_pickup']);

		// Removing a question, and taking the service off the profile.
		await saveCatalogueService(admin, inst.id, created.id, form({ version: '1', 'q.1.remove': 'on', active: '' }));
		expect((await getCatalogueService(admin, inst.id, created.id)).questions.map((q) => q.key)).toEqual(['flight']);
		expect(await publicCatalogue(staff, inst.id)).toEqual([]);
		expect((await failure(saveCatalogueService(admin, inst.id, created.id, form({ version: '1' })))).status).toBe(409);
	});

	it('explains every problem of a design next to its field', async () => {
		const { inst, admin } = await team();
		const err = await failure(
			saveCatalogueService(admin, inst.id, null, form({ 'name.en': '', audiences: '', turnaroundDays: '0', 'q.0.key': 'Flight No', 'q.1.choices.en': 'Only one', 'q.2.key': 'terminal', 'q.2.label.en': 'Again', 'd.0.label.en': '' }))
		);
		expect(err.fields).toEqual({
			'name.en': 'error_required',
			audiences: 'error_choose_at_least_one',
			turnaroundDays: 'error_turnaround',
			'q.0.key': 'error_question_key',
			'q.1.choices.en': 'error_choices_needed',
			'q.2.key': 'error_import_duplicate',
			'd.0.label.en': 'error_required'
		});
		await saveCatalogueService(admin, inst.id, null, form());
		expect((await failure(saveCatalogueService(admin, inst.id, null, form()))).fields).toEqual({ code: 'error_rule_code_taken' });
	});

	it('is configured by the institution’s admins only; staff read it; others get 404', async () => {
		const { inst, admin, staff } = await team();
		const other = await team();
		const created = await saveCatalogueService(admin, inst.id, null, form());
		expect((await failure(saveCatalogueService(staff, inst.id, null, form({ code: 'sneaky' })))).status).toBe(403);
		expect((await listCatalogue(staff, inst.id)).length).toBe(1);
		expect((await failure(getCatalogueService(other.admin, inst.id, created.id))).status).toBe(404);
		expect((await failure(getCatalogueService(other.admin, other.inst.id, created.id))).status).toBe(404);
	});
});
