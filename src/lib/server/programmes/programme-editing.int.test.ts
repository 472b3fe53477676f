import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFinderQuery } from '$lib/programmes/finder';
import type { RunningPlatform } from '../boot/platform';
import { search } from '../search/search.service';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { programmeEditing, programmeInputFromForm } from './programme-editing.service';
import { findProgrammes, getProgramme } from './programmes.service';
import { seedExchangeRates } from './programmes.seed';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedExchangeRates(platform);
});
afterAll(async () => platform?.close());

/** The programme form as the browser sends it. */
const form = (overrides: Record<string, string> = {}) =>
	programmeInputFromForm({
		slug: 'data-science-msc',
		level: 'master',
		iscedCode: '0688',
		languages: 'en, RU',
		durationMonths: '24',
		credits: '120',
		tuitionAmount: '2 000 000',
		tuitionCurrency: 'kzt',
		startTerms: 'autumn,spring',
		applicationOpens: '2027-01-15',
		applicationDeadline: '2027-05-31',
		'title.en': 'Data Science (MSc)',
		'summary.en': 'Statistics and machine learning, taught in English.',
		...overrides
	});

async function team() {
	const inst = await makeInstitution(platform, { locales: ['en'], countryCode: 'KZ' });
	const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
	return { inst, editor };
}

describe('editing one programme', () => {
	it('publishes to the finder with tuition compared in euros, and unpublishing takes it off the finder and search', async () => {
		const { inst, editor } = await team();
		const created = await programmeEditing.create(editor, inst.id, form());
		const finder = async () => (await findProgrammes(editor, parseFinderQuery(new URLSearchParams(`institution=${inst.slug}`)).filters, '2027-02-01')).items.map((p) => p.slug);
		expect(await finder()).toEqual([]);

		await programmeEditing.publish(editor, inst.id, created.id, { version: 1 });
		expect(await finder()).toEqual(['data-science-msc']);
		const { programme } = await getProgramme(editor, inst.slug, 'data-science-msc');
		expect(programme).toMatchObject({ languages: ['en', 'ru'], tuitionAmount: 2_000_000, tuitionCurrency: 'KZT', startTerms: ['autumn', 'spring'] });
		expect(programme.tuitionEur).toBeGreaterThan(3000);
		expect(programme.tuitionEur).toBeLessThan(5000);
		expect((await search(editor, 'Data Science')).map((r) => r.path)).toContain(`/institutions/${inst.slug}/programmes/data-science-msc`);

		await programmeEditing.unpublish(editor, inst.id, created.id, 2);
		expect(await finder()).toEqual([]);
		expect((await search(editor, 'Data Science')).map((r) => r.path)).not.toContain(`/institutions/${inst.slug}/programmes/data-science-msc`);
	});

	it('explains every wrong field at once, and keeps addresses unique within the institution only', async () => {
		const { inst, editor } = await team();
		const err = await failure(
			programmeEditing.create(editor, inst.id, form({ level: 'phd', iscedCode: '9999', languages: 'English', durationMonths: '0', tuitionCurrency: '', applicationOpens: '2027-06-01' }))
		);
		expect(err.fields).toEqual({
			level: 'error_import_level',
			iscedCode: 'error_import_isced',
			languages: 'error_import_language',
			durationMonths: 'error_import_duration',
			tuitionCurrency: 'error_required',
			applicationDeadline: 'error_import_dates_order'
		});
		expect((await failure(programmeEditing.create(editor, inst.id, form({ tuitionCurrency: 'XYZ' })))).fields).toEqual({ tuitionCurrency: 'error_import_currency' });

		await programmeEditing.create(editor, inst.id, form());
		expect((await failure(programmeEditing.create(editor, inst.id, form()))).fields).toEqual({ slug: 'error_address_taken' });
		const other = await team();
		await expect(programmeEditing.create(other.editor, other.inst.id, form())).resolves.toMatchObject({ slug: 'data-science-msc' });
	});

	it('free and unknown tuition stay apart', async () => {
		const { inst, editor } = await team();
		const free = await programmeEditing.create(editor, inst.id, form({ slug: 'free-one', tuitionAmount: '0', tuitionCurrency: '' }));
		const unknown = await programmeEditing.create(editor, inst.id, form({ slug: 'unknown-one', tuitionAmount: '', tuitionCurrency: 'EUR' }));
		await programmeEditing.publish(editor, inst.id, free.id, { version: 1 });
		await programmeEditing.publish(editor, inst.id, unknown.id, { version: 1 });
		expect((await getProgramme(editor, inst.slug, 'free-one')).programme).toMatchObject({ tuitionAmount: 0, tuitionEur: 0 });
		expect((await getProgramme(editor, inst.slug, 'unknown-one')).programme).toMatchObject({ tuitionAmount: null, tuitionCurrency: null, tuitionEur: null });
	});
});
