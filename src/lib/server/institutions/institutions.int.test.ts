import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../audit/audit.service';
import type { RunningPlatform } from '../boot/platform';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { failure } from '../testing/assertions';
import { createInstitution, getInstitutionForWorkspace, listInstitutionsPerGroup, profileChangesSince, updateInstitutionProfile, updateInstitutionTranslations } from './institutions.service';
import { getPublicInstitutionWithFactsheet } from './factsheet.service';

const getPublicInstitution = async (ctx: Parameters<typeof getPublicInstitutionWithFactsheet>[0], slug: string) => (await getPublicInstitutionWithFactsheet(ctx, slug)).institution;

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());


const profile = (version: number, name = 'Renamed University') => ({
	name: { en: name, ru: 'Переименованный университет', kk: '', zh: '' },
	city: { en: 'Astana', ru: 'Астана' },
	description: { en: 'About us' },
	website: 'https://example.org',
	defaultLocale: 'en',
	locales: ['en', 'ru'],
	version
});

describe('institution profiles', () => {
	it('lets an editor save the profile, bumps the version and records who changed what', async () => {
		const inst = await makeInstitution(platform);
		const editor = await makeUser(platform, { role: 'editor', institutionId: inst.id });
		const admin = await makeUser(platform, { role: 'institution_admin', institutionId: inst.id });
		const saved = await updateInstitutionProfile(await contextFor(platform, editor.id), inst.id, profile(inst.version));
		expect(saved.version).toBe(inst.version + 1);
		expect(saved.name).toEqual({ en: 'Renamed University', ru: 'Переименованный университет' });

		const { events } = await listAuditEvents(await contextFor(platform, admin.id), { institutionId: inst.id });
		expect(events[0]).toMatchObject({ action: 'institution.update_profile', actorEmail: editor.email, entityId: inst.id });
		expect(events[0]!.changes.name).toEqual({ from: inst.name, to: saved.name });
	});

	it('tells the second of two editors that the profile changed, and keeps the first save', async () => {
		const inst = await makeInstitution(platform);
		const editor = await makeUser(platform, { role: 'editor', institutionId: inst.id });
		const ctx = await contextFor(platform, editor.id);
		const opened = new Date();
		await updateInstitutionProfile(ctx, inst.id, profile(inst.version, 'First save'));
		const stale = await failure(updateInstitutionProfile(ctx, inst.id, profile(inst.version, 'Second save')));
		expect(stale.messageKey).toBe('error_stale_edit');
		expect((await getPublicInstitution(ctx, inst.slug)).name.en).toBe('First save');
		// What the first save changed, as the second editor sees it.
		const since = await profileChangesSince(ctx, inst.id, new Date(opened.getTime() - 1));
		expect(since.by).toBe(editor.email);
		const nameEn = since.changes.find((c) => c.field === 'name' && c.locale === 'en');
		expect(nameEn?.parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['First save']);
	});

	it('refuses a profile without a name in the main language, naming the field', async () => {
		const inst = await makeInstitution(platform);
		const editor = await makeUser(platform, { role: 'editor', institutionId: inst.id });
		const error = await failure(
			updateInstitutionProfile(await contextFor(platform, editor.id), inst.id, { ...profile(inst.version), name: { ru: 'Только русский' } })
		);
		expect(error.fields.name).toBe('error_name_default_locale');
	});

	it('keeps the EWP identifiers in their official form, one hei-id per institution', async () => {
		const inst = await makeInstitution(platform);
		const other = await makeInstitution(platform);
		const editor = await makeUser(platform, { role: 'editor', institutionId: inst.id });
		const ctx = await contextFor(platform, editor.id);
		const heiId = `uni-${inst.slug}.example.edu`;
		const saved = await updateInstitutionProfile(ctx, inst.id, { ...profile(inst.version), heiId: ` ${heiId.toUpperCase()} `, erasmusCode: 'e barcelo03' });
		expect(saved).toMatchObject({ heiId, erasmusCode: 'E  BARCELO03' });
		const wrong = await failure(updateInstitutionProfile(ctx, inst.id, { ...profile(saved.version), heiId: 'not a domain', erasmusCode: 'BARCELONA' }));
		expect(wrong.fields).toMatchObject({ heiId: 'error_hei_id_invalid', erasmusCode: 'error_erasmus_code_invalid' });
		const otherEditor = await makeUser(platform, { role: 'editor', institutionId: other.id });
		const taken = await failure(updateInstitutionProfile(await contextFor(platform, otherEditor.id), other.id, { ...profile(other.version), heiId }));
		expect(taken.fields.heiId).toBe('error_hei_id_taken');
		// Blank removes them.
		expect(await updateInstitutionProfile(ctx, inst.id, { ...profile(saved.version), heiId: '', erasmusCode: '' })).toMatchObject({ heiId: null, erasmusCode: null });
	});

	it("answers not found to an editor of another institution, for its workspace and its profile", async () => {
		const mine = await makeInstitution(platform);
		const theirs = await makeInstitution(platform);
		const editor = await makeUser(platform, { role: 'editor', institutionId: mine.id });
		const ctx = await contextFor(platform, editor.id);
		expect((await failure(getInstitutionForWorkspace(ctx, theirs.slug))).status).toBe(404);
		expect((await failure(updateInstitutionProfile(ctx, theirs.id, profile(theirs.version)))).status).toBe(404);
		expect((await getPublicInstitution(ctx, theirs.slug)).name).toEqual(theirs.name);
	});

	it('forbids a translator and a staff member from saving the whole profile', async () => {
		const inst = await makeInstitution(platform);
		for (const role of ['translator', 'staff'] as const) {
			const person = await makeUser(platform, { role, institutionId: inst.id });
			expect((await failure(updateInstitutionProfile(await contextFor(platform, person.id), inst.id, profile(inst.version)))).status).toBe(403);
		}
	});

	it('lets a translator save the profile translations but never the original or the settings', async () => {
		const inst = await makeInstitution(platform, { defaultLocale: 'kk', name: { kk: 'Университет', en: 'University' }, city: { kk: 'Астана' } });
		const translator = await makeUser(platform, { role: 'translator', institutionId: inst.id });
		const ctx = await contextFor(platform, translator.id);
		const saved = await updateInstitutionTranslations(ctx, inst.id, {
			name: { kk: 'Changed original', en: 'University', zh: '大学' },
			city: { kk: '', zh: '阿斯塔纳' },
			description: {},
			version: inst.version
		});
		expect(saved.name).toEqual({ kk: 'Университет', en: 'University', zh: '大学' });
		expect(saved.city).toEqual({ kk: 'Астана', zh: '阿斯塔纳' });
		expect(saved.defaultLocale).toBe('kk');
		// Short names are written per script; a translator sets them too, and leaving them out keeps them.
		const named = await updateInstitutionTranslations(ctx, inst.id, { name: {}, city: {}, description: {}, shortNames: { zh: ' 大学 ', ru: '' }, version: saved.version });
		expect(named.shortNames).toEqual({ zh: '大学' });
		const kept = await updateInstitutionTranslations(ctx, inst.id, { name: {}, city: {}, description: {}, version: named.version });
		expect(kept.shortNames).toEqual({ zh: '大学' });
		expect((await failure(updateInstitutionTranslations(ctx, inst.id, { name: {}, city: {}, description: {}, version: inst.version }))).status).toBe(409);
		const staff = await makeUser(platform, { role: 'staff', institutionId: inst.id });
		expect((await failure(updateInstitutionTranslations(await contextFor(platform, staff.id), inst.id, { name: {}, city: {}, description: {}, version: saved.version }))).status).toBe(403);
	});

	it('flags the profile translations for review when the original changes', async () => {
		const { translationCoverage } = await import('../content/attention.service');
		const inst = await makeInstitution(platform, { defaultLocale: 'en', name: { en: 'Old name' }, city: { en: 'Astana' } });
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
		const translator = await contextFor(platform, (await makeUser(platform, { role: 'translator', institutionId: inst.id })).id);
		const translated = await updateInstitutionTranslations(translator, inst.id, { name: { zh: '旧名称' }, city: { zh: '阿斯塔纳' }, description: {}, version: inst.version });
		expect((await translationCoverage(translator, inst.id)).byLocale.zh).toEqual([]);
		// The editor's form carries the translations as they are; only the English name changes.
		await updateInstitutionProfile(editor, inst.id, { ...profile(translated.version), name: { en: 'New name', zh: '旧名称' }, city: { en: 'Astana', zh: '阿斯塔纳' }, description: {}, locales: ['en'] });
		const zh = (await translationCoverage(translator, inst.id)).byLocale.zh;
		expect(zh).toMatchObject([{ type: 'profile', stale: ['name'], missing: [] }]);
	});

	it('lets only platform admins create institutions, with unique web names', async () => {
		const admin = await makeUser(platform, { platformRole: 'platform_admin' });
		const ctx = await contextFor(platform, admin.id);
		const input = { shortName: 'NEW', slug: `new-${Date.now()}`, nameEn: 'New University', countryCode: 'kz', cityEn: 'Almaty', defaultLocale: 'ru' };
		const created = await createInstitution(ctx, input);
		expect(created).toMatchObject({ countryCode: 'KZ', locales: ['en', 'ru'] });
		expect((await failure(createInstitution(ctx, input))).fields.slug).toBe('error_slug_taken');
		const outsider = await makeUser(platform, { role: 'institution_admin', institutionId: created.id });
		expect((await failure(createInstitution(await contextFor(platform, outsider.id), { ...input, slug: 'other' }))).status).toBe(404);
	});
});

describe('the home page showcase', () => {
	it('lists a few institutions of each focus country in the order given, then a few of the others', async () => {
		for (const shortName of ['MN-C', 'MN-A', 'MN-B']) await makeInstitution(platform, { shortName, countryCode: 'MN' });
		await makeInstitution(platform, { shortName: 'UZ-A', countryCode: 'UZ' });
		await makeInstitution(platform, { shortName: 'AD-A', countryCode: 'AD' });
		const rows = await listInstitutionsPerGroup(await contextFor(platform, null), { focus: ['MN', 'UZ'], perGroup: 2 });
		expect(rows.slice(0, 3).map((r) => r.shortName)).toEqual(['MN-A', 'MN-B', 'UZ-A']);
		const others = rows.slice(3);
		expect(others).toHaveLength(2);
		expect(others[0]!.countryCode).toBe('AD');
		expect(others.every((r) => r.countryCode !== 'MN' && r.countryCode !== 'UZ')).toBe(true);
	});
});

describe('institution factsheets', () => {
	it('publishes the demo consortium’s key figures, services and EWP factsheet', async () => {
		const { seedDemo } = await import('../demo/demo.seed');
		const { getFactsheet } = await import('./factsheet.service');
		await seedDemo(platform);
		const ctx = await contextFor(platform, null);
		const enu = await getPublicInstitution(ctx, 'enu');
		const fs = await getFactsheet(ctx, enu.id);
		expect(fs).toMatchObject({ instructionLanguages: ['kk', 'ru', 'en'], decisionWeeksLimit: 4, transcriptWeeksLimit: 5, nominationDeadlineAutumn: '05-15' });
		expect(fs?.services).toContain('migration_registration');
		expect(fs?.accommodation.kk).toBeTruthy();
		const fresh = await makeInstitution(platform);
		expect(await getFactsheet(ctx, fresh.id)).toBeNull();
	});
});
