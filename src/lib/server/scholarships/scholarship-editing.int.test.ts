import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { search } from '../search/search.service';
import { scholarshipEditing, scholarshipInputFromForm } from './scholarship-editing.service';
import { findScholarships, getScholarship } from './scholarships.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

let n = 0;
/** The scholarship form as the browser sends it (ticked boxes comma-joined). */
const form = (overrides: Record<string, string> = {}) =>
	scholarshipInputFromForm({
		slug: `rector-grant-${++n}-${Date.now()}`,
		levels: 'master,doctoral',
		fields: '06',
		covers: 'tuition,stipend',
		stipend: '150000',
		stipendCurrency: 'kzt',
		eligibleNationalities: '',
		excludedNationalities: 'KZ',
		applicationDeadline: '2027-05-31',
		url: 'https://example.org/grant',
		sourceUrl: '',
		verifiedOn: '',
		unverified: '',
		'name.en': 'Rector’s grant for computing',
		'summary.en': 'Tuition and a monthly stipend for international master and doctoral students in ICT.',
		...overrides
	});

const anyone = { nationality: null, level: null, field: null, country: null, covers: [] };

describe('institutional scholarships', () => {
	it('are found by the finder and search once published, in the institution’s country, with the stipend for each level', async () => {
		const inst = await makeInstitution(platform, { locales: ['en'], countryCode: 'KZ' });
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
		const input = form();
		const created = await scholarshipEditing.create(editor, inst.id, input);
		expect((await findScholarships(editor, anyone)).items.map((s) => s.slug)).not.toContain(input.slug);
		expect((await failure(getScholarship(editor, input.slug))).status).toBe(404);

		await scholarshipEditing.publish(editor, inst.id, created.id, { version: 1 });
		const found = (await findScholarships(editor, { ...anyone, nationality: 'CN', level: 'master', field: '06' })).items;
		const mine = found.find((s) => s.slug === input.slug);
		expect(mine).toMatchObject({ countryCode: 'KZ', stipends: { master: 150000, doctoral: 150000 }, stipendCurrency: 'KZT', institutionSlug: inst.slug });
		// Kazakh citizens are excluded; other fields of study do not match.
		expect((await findScholarships(editor, { ...anyone, nationality: 'KZ' })).items.map((s) => s.slug)).not.toContain(input.slug);
		expect((await findScholarships(editor, { ...anyone, field: '01' })).items.map((s) => s.slug)).not.toContain(input.slug);
		expect((await search(editor, 'Rector’s grant for computing')).map((r) => r.path)).toContain(`/scholarships/${input.slug}`);

		const unpublished = await scholarshipEditing.unpublish(editor, inst.id, created.id, 2);
		expect(unpublished.version).toBe(3);
		expect((await search(editor, 'Rector’s grant for computing')).map((r) => r.path)).not.toContain(`/scholarships/${input.slug}`);
	});

	it('explains what is wrong with each field', async () => {
		const inst = await makeInstitution(platform, { locales: ['en'] });
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
		const err = await failure(scholarshipEditing.create(editor, inst.id, form({ levels: '', covers: 'everything', excludedNationalities: 'KZ, Narnia', stipendCurrency: 'tenge', applicationDeadline: '2027-02-30' })));
		expect(err.fields).toEqual({
			levels: 'error_choose_at_least_one',
			covers: 'error_choose_one',
			excludedNationalities: 'error_country_invalid',
			stipendCurrency: 'error_currency_invalid',
			applicationDeadline: 'error_date_invalid'
		});
		expect((await failure(scholarshipEditing.create(editor, inst.id, form({ stipendCurrency: '' })))).fields).toEqual({ stipendCurrency: 'error_stipend_currency_required' });
	});

	it('never shows national schemes or another institution’s scholarships in a workspace', async () => {
		const [mine, theirs] = [await makeInstitution(platform), await makeInstitution(platform)];
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: mine.id })).id);
		const other = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: theirs.id })).id);
		const theirsItem = await scholarshipEditing.create(other, theirs.id, form());
		expect((await scholarshipEditing.list(editor, mine.id)).items).toEqual([]);
		expect((await failure(scholarshipEditing.get(editor, mine.id, theirsItem.id))).status).toBe(404);
		expect((await failure(scholarshipEditing.list(editor, theirs.id))).status).toBe(404);
	});
});
