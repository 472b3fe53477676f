import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { search } from '../search/search.service';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { eventEditing } from './event-editing.service';
import { getEvent, listEvents } from './news.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

const input = (overrides: Record<string, unknown> = {}) => ({
	slug: `open-day-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
	kind: 'open_day',
	startsOn: '2099-03-20',
	endsOn: '2099-03-21',
	online: '',
	countryCode: 'kz',
	url: 'https://example.org/register',
	title: { en: 'Open day', ru: 'День открытых дверей' },
	summary: { en: 'Meet us.', ru: 'Приходите.' },
	city: { en: 'Astana' },
	...overrides
});

describe('event editing', () => {
	it('drafts, publishes and finds an event with the same workflow as news', async () => {
		const inst = await makeInstitution(platform, { locales: ['en', 'ru'] });
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
		const anonymous = await contextFor(platform, null);
		const created = await eventEditing.create(editor, inst.id, input());
		await expect(getEvent(anonymous, created.slug)).rejects.toMatchObject({ status: 404 });
		expect((await eventEditing.get(editor, inst.id, created.id)).snapshot).toMatchObject({ kind: 'open_day', countryCode: 'KZ', online: false });

		await eventEditing.publish(editor, inst.id, created.id, { version: 1 });
		expect((await getEvent(anonymous, created.slug)).title.en).toBe('Open day');
		expect((await listEvents(anonymous, { when: 'upcoming', today: '2026-12-01', institutionId: inst.id })).map((e) => e.slug)).toEqual([created.slug]);
		expect((await search(anonymous, 'open day')).map((r) => r.path)).toContain(`/events/${created.slug}`);
	});

	it('checks dates, kind and country next to their fields', async () => {
		const inst = await makeInstitution(platform);
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
		expect((await failure(eventEditing.create(editor, inst.id, input({ endsOn: '2099-03-19' })))).fields).toEqual({ endsOn: 'error_import_dates_order' });
		expect((await failure(eventEditing.create(editor, inst.id, input({ startsOn: '2099-02-30', kind: 'party', countryCode: 'XX1' })))).fields).toMatchObject({
			startsOn: 'error_date_invalid',
			kind: 'error_choose_one',
			countryCode: 'error_country_invalid'
		});
	});

	it('lets translators translate but not move the date', async () => {
		const inst = await makeInstitution(platform, { locales: ['en'] });
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
		const translator = await contextFor(platform, (await makeUser(platform, { role: 'translator', institutionId: inst.id })).id);
		const created = await eventEditing.create(editor, inst.id, input());
		const item = await eventEditing.get(translator, inst.id, created.id);
		const withKazakh = { ...item.snapshot, online: '', title: { ...(item.snapshot.title as object), kk: 'Ашық есік күні' } };
		expect((await eventEditing.save(translator, inst.id, created.id, withKazakh, item.version)).saved).toBe(true);
		const moved = { ...withKazakh, startsOn: '2099-03-01' };
		expect(await failure(eventEditing.save(translator, inst.id, created.id, moved, item.version + 1))).toMatchObject({ status: 403, messageKey: 'error_translation_only' });
	});
});
