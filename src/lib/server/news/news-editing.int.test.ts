import { eq } from 'drizzle-orm';
import { fixedClock } from '../platform/clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentRevision } from '../content/revisions.tables';
import { listAuditEvents } from '../audit/audit.service';
import type { RunningPlatform } from '../boot/platform';
import { search } from '../search/search.service';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import {
	changesSince,
	createNews,
	deleteNewsDraft,
	newsEditing,
	getNewsForEditing,
	listNewsForEditing,
	newsHistory,
	newsRevisionDiff,
	publishNews,
	requestNewsReview,
	restoreNewsRevision,
	saveNews,
	unpublishNews
} from './news-editing.service';
import { getNews, listNews } from './news.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

let counter = 0;
const draft = (overrides: Record<string, unknown> = {}) => ({
	slug: `spring-open-day-${++counter}-${Date.now()}`,
	title: { en: 'Spring open day', ru: 'День открытых дверей весной' },
	summary: { en: 'Meet us on campus.', ru: 'Приходите в кампус.' },
	body: { en: 'We welcome **international** applicants.' },
	...overrides
});

async function team() {
	const inst = await makeInstitution(platform, { locales: ['en', 'ru'] });
	const [editor, translator, staff, admin, outsider] = await Promise.all([
		makeUser(platform, { role: 'editor', institutionId: inst.id }),
		makeUser(platform, { role: 'translator', institutionId: inst.id }),
		makeUser(platform, { role: 'staff', institutionId: inst.id }),
		makeUser(platform, { role: 'institution_admin', institutionId: inst.id }),
		makeUser(platform, { role: 'editor', institutionId: (await makeInstitution(platform)).id })
	]);
	return {
		inst,
		editor: await contextFor(platform, editor.id),
		translator: await contextFor(platform, translator.id),
		staff: await contextFor(platform, staff.id),
		admin: await contextFor(platform, admin.id),
		outsider: await contextFor(platform, outsider.id),
		anonymous: await contextFor(platform, null)
	};
}

describe('news editing', () => {
	it('keeps a draft off the public pages until it is published', async () => {
		const t = await team();
		const created = await createNews(t.editor, t.inst.id, draft());
		await expect(getNews(t.anonymous, created.slug)).rejects.toMatchObject({ status: 404 });
		const item = await getNewsForEditing(t.editor, t.inst.id, created.id);
		expect(item).toMatchObject({ publicState: 'draft', revision: 1, version: 1 });

		await publishNews(t.editor, t.inst.id, created.id, { version: item.version });
		const published = await getNews(t.anonymous, created.slug);
		expect(published.news.title.en).toBe('Spring open day');
		expect((await search(t.anonymous, 'spring open day')).map((r) => r.path)).toContain(`/news/${created.slug}`);
	});

	it('keeps the public version while a published item has unpublished changes', async () => {
		const t = await team();
		const created = await createNews(t.editor, t.inst.id, draft());
		const { version } = await publishNews(t.editor, t.inst.id, created.id, { version: 1 });
		const saved = await saveNews(t.editor, t.inst.id, created.id, draft({ slug: created.slug, title: { en: 'Spring open day moved', ru: 'Перенос' } }), version);
		expect(saved.saved).toBe(true);
		expect((await getNews(t.anonymous, created.slug)).news.title.en).toBe('Spring open day');
		const item = await getNewsForEditing(t.editor, t.inst.id, created.id);
		expect(item).toMatchObject({ publicState: 'published', pendingChanges: true, revision: 2 });
		await publishNews(t.editor, t.inst.id, created.id, { version: item.version });
		expect((await getNews(t.anonymous, created.slug)).news.title.en).toBe('Spring open day moved');
	});

	it('publishes a scheduled item by itself when its time comes', async () => {
		const t = await team();
		const created = await createNews(t.editor, t.inst.id, draft());
		const soon = new Date(Date.now() + 60 * 60_000);
		await publishNews(t.editor, t.inst.id, created.id, { version: 1, publishAt: soon });
		expect((await getNewsForEditing(t.editor, t.inst.id, created.id)).publicState).toBe('scheduled');
		await expect(getNews(t.anonymous, created.slug)).rejects.toMatchObject({ status: 404 });
		expect((await listNews(t.anonymous, { institutionId: t.inst.id })).length).toBe(0);
		expect((await search(t.anonymous, 'spring open day')).map((r) => r.path)).not.toContain(`/news/${created.slug}`);
		// An hour later by the platform's clock, with no job run in between.
		const later = { ...t.anonymous, clock: fixedClock(new Date(soon.getTime() + 1000)) };
		expect((await getNews(later, created.slug)).news.id).toBe(created.id);
		expect((await listNews(later, { institutionId: t.inst.id })).map((n) => n.id)).toEqual([created.id]);
		expect((await search(later, 'spring open day')).map((r) => r.path)).toContain(`/news/${created.slug}`);
	});

	it('refuses to publish while a language the institution publishes in lacks a required text', async () => {
		const t = await team();
		const created = await createNews(t.editor, t.inst.id, draft({ summary: { en: 'Meet us.' } }));
		const error = await failure(publishNews(t.editor, t.inst.id, created.id, { version: 1 }));
		expect(error).toMatchObject({ status: 400, messageKey: 'error_publish_missing_translations', fields: { 'summary.ru': 'error_translation_required' } });
		await expect(getNews(t.anonymous, created.slug)).rejects.toMatchObject({ status: 404 });
	});

	it('tells the second of two editors that someone saved first, and shows what changed', async () => {
		const t = await team();
		const created = await createNews(t.editor, t.inst.id, draft());
		await saveNews(t.admin, t.inst.id, created.id, draft({ slug: created.slug, title: { en: 'Spring open day on 5 May', ru: 'День открытых дверей весной' } }), 1);
		const error = await failure(saveNews(t.editor, t.inst.id, created.id, draft({ slug: created.slug, body: { en: 'My text' } }), 1));
		expect(error).toMatchObject({ status: 409, messageKey: 'error_stale_edit' });
		const since = await changesSince(t.editor, t.inst.id, created.id, 1);
		expect(since.changes).toHaveLength(1);
		expect(since.changes[0]).toMatchObject({ field: 'title', locale: 'en' });
		expect(since.changes[0]!.parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['on 5 May']);
		// The first save stands.
		expect((await getNewsForEditing(t.editor, t.inst.id, created.id)).snapshot.title.en).toBe('Spring open day on 5 May');
	});

	it('lets translators fill in translations but not change the original, and not publish', async () => {
		const t = await team();
		const created = await createNews(t.editor, t.inst.id, draft());
		let item = await getNewsForEditing(t.translator, t.inst.id, created.id);
		expect(item.gaps.kk).toEqual({ missing: ['title', 'summary', 'body'], stale: [] });
		expect(item.can).toEqual({ edit: false, translate: true, publish: false });
		const withKazakh = { ...item.snapshot, title: { ...item.snapshot.title, kk: 'Көктемгі ашық есік күні' } };
		await saveNews(t.translator, t.inst.id, created.id, withKazakh, item.version);
		item = await getNewsForEditing(t.translator, t.inst.id, created.id);
		expect(item.gaps.kk.missing).toEqual(['summary', 'body']);

		const changedOriginal = { ...item.snapshot, title: { ...item.snapshot.title, en: 'Changed by a translator' } };
		expect(await failure(saveNews(t.translator, t.inst.id, created.id, changedOriginal, item.version))).toMatchObject({ status: 403, messageKey: 'error_translation_only' });
		expect(await failure(publishNews(t.translator, t.inst.id, created.id, { version: item.version }))).toMatchObject({ status: 403 });
		await requestNewsReview(t.translator, t.inst.id, created.id, item.version);
		expect((await listNewsForEditing(t.editor, t.inst.id)).items.find((n) => n.id === created.id)).toMatchObject({ reviewRequested: true });
	});

	it('flags translations for review when the original changes after them', async () => {
		const t = await team();
		const created = await createNews(t.editor, t.inst.id, draft());
		const item = await getNewsForEditing(t.editor, t.inst.id, created.id);
		await saveNews(t.editor, t.inst.id, created.id, { ...item.snapshot, title: { ...item.snapshot.title, en: 'Autumn open day' } }, item.version);
		const after = await getNewsForEditing(t.editor, t.inst.id, created.id);
		expect(after.gaps.ru.stale).toEqual(['title']);
		expect(after.gaps.ru.missing).toEqual(['body']);
	});

	it('keeps every revision with a readable diff, and restores an old one as a new draft', async () => {
		const t = await team();
		const created = await createNews(t.editor, t.inst.id, draft());
		const first = await getNewsForEditing(t.editor, t.inst.id, created.id);
		const { version } = await saveNews(t.editor, t.inst.id, created.id, { ...first.snapshot, body: { en: 'A completely new text.' } }, first.version);
		const diff = await newsRevisionDiff(t.editor, t.inst.id, created.id, 2);
		expect(diff.changes.map((c) => [c.field, c.locale])).toEqual([['body', 'en']]);
		expect(diff.revision.authorName).toBe(t.editor.actor!.email);

		await restoreNewsRevision(t.editor, t.inst.id, created.id, 1, version);
		const history = await newsHistory(t.editor, t.inst.id, created.id);
		expect(history.revisions.map((r) => r.number)).toEqual([3, 2, 1]);
		expect(history.revisions[0]!.note).toBe('#1');
		expect((await getNewsForEditing(t.editor, t.inst.id, created.id)).snapshot.body.en).toBe('We welcome **international** applicants.');
	});

	it('starts the history of seeded content from what was there', async () => {
		const t = await team();
		const created = await createNews(t.editor, t.inst.id, draft());
		await publishNews(t.editor, t.inst.id, created.id, { version: 1 });
		// Seeded content has no revisions: simulate by clearing them.
		const { contentRevision } = await import('../content/revisions.tables');
		const { newsItem } = await import('./news.tables');
		const { eq } = await import('drizzle-orm');
		await platform.db.delete(contentRevision).where(eq(contentRevision.entityId, created.id));
		await platform.db.update(newsItem).set({ latestRevision: 0, liveRevision: null }).where(eq(newsItem.id, created.id));
		const item = await getNewsForEditing(t.editor, t.inst.id, created.id);
		await saveNews(t.editor, t.inst.id, created.id, { ...item.snapshot, title: { ...item.snapshot.title, en: 'Edited' } }, item.version);
		const history = await newsHistory(t.editor, t.inst.id, created.id);
		expect(history.revisions.map((r) => [r.number, r.state])).toEqual([
			[1, 'draft'],
			[0, 'published']
		]);
		expect(history.live).toBe(0);
		expect((await getNews(t.anonymous, created.slug)).news.title.en).toBe('Spring open day');
	});

	it('takes an item off the public pages when unpublished, and deletes only drafts', async () => {
		const t = await team();
		const created = await createNews(t.editor, t.inst.id, draft());
		const { version } = await publishNews(t.editor, t.inst.id, created.id, { version: 1 });
		expect(await failure(deleteNewsDraft(t.editor, t.inst.id, created.id))).toMatchObject({ messageKey: 'error_delete_published' });
		await unpublishNews(t.editor, t.inst.id, created.id, version);
		await expect(getNews(t.anonymous, created.slug)).rejects.toMatchObject({ status: 404 });
		expect((await search(t.anonymous, 'spring open day')).map((r) => r.path)).not.toContain(`/news/${created.slug}`);

		const other = await createNews(t.editor, t.inst.id, draft());
		await saveNews(t.editor, t.inst.id, other.id, draft({ slug: (await getNewsForEditing(t.editor, t.inst.id, other.id)).snapshot.slug, title: { en: 'Renamed', ru: 'Переименовано' } }), 1);
		await deleteNewsDraft(t.editor, t.inst.id, other.id);
		await expect(getNewsForEditing(t.editor, t.inst.id, other.id)).rejects.toMatchObject({ status: 404 });
		// Its history goes with it.
		const left = await platform.db.select().from(contentRevision).where(eq(contentRevision.entityId, other.id));
		expect(left).toEqual([]);
	});

	it('saves and publishes from the form in one step: a refused publish saves nothing either', async () => {
		const t = await team();
		const created = await createNews(t.editor, t.inst.id, draft());
		const before = await getNewsForEditing(t.editor, t.inst.id, created.id);
		// Russian summary emptied: the save alone would pass, the publish is refused.
		const form = draft({ slug: before.snapshot.slug, title: { en: 'Open day moved', ru: 'День перенесён' }, summary: { en: 'New date.' } });
		const refused = await failure(newsEditing.saveAndThen(t.editor, t.inst.id, created.id, form, before.version, (tx, version) => publishNews(tx, t.inst.id, created.id, { version })));
		expect(refused).toMatchObject({ messageKey: 'error_publish_missing_translations' });
		const after = await getNewsForEditing(t.editor, t.inst.id, created.id);
		expect({ version: after.version, revision: after.revision, title: after.snapshot.title }).toEqual({ version: before.version, revision: before.revision, title: before.snapshot.title });

		await newsEditing.saveAndThen(t.editor, t.inst.id, created.id, draft({ slug: before.snapshot.slug, title: { en: 'Open day moved', ru: 'День перенесён' } }), before.version, (tx, version) => publishNews(tx, t.inst.id, created.id, { version }));
		expect((await getNews(t.anonymous, before.snapshot.slug as string)).news.title.en).toBe('Open day moved');
	});

	it('answers 404 to other institutions and 403 to staff without content rights, and audits every step', async () => {
		const t = await team();
		const created = await createNews(t.editor, t.inst.id, draft());
		expect(await failure(getNewsForEditing(t.outsider, t.inst.id, created.id))).toMatchObject({ status: 404 });
		expect(await failure(saveNews(t.outsider, t.inst.id, created.id, draft(), 1))).toMatchObject({ status: 404 });
		expect(await failure(getNewsForEditing(t.staff, t.inst.id, created.id))).toMatchObject({ status: 403 });
		expect(await failure(createNews(t.translator, t.inst.id, draft()))).toMatchObject({ status: 403 });
		expect(await failure(getNewsForEditing(t.editor, t.inst.id, 'not-a-uuid'))).toMatchObject({ status: 404 });

		await publishNews(t.editor, t.inst.id, created.id, { version: 1 });
		const { events } = await listAuditEvents(t.admin, { institutionId: t.inst.id });
		expect(events.filter((e) => e.entityId === created.id).map((e) => e.action)).toEqual(['news.publish', 'news.create']);
	});

	it('rejects a taken address and an unusable one next to the field', async () => {
		const t = await team();
		const first = await createNews(t.editor, t.inst.id, draft());
		expect(await failure(createNews(t.editor, t.inst.id, draft({ slug: first.slug })))).toMatchObject({ fields: { slug: 'error_address_taken' } });
		expect(await failure(createNews(t.editor, t.inst.id, draft({ slug: 'Not a slug!' })))).toMatchObject({ fields: { slug: 'error_slug_invalid' } });
		expect(await failure(createNews(t.editor, t.inst.id, draft({ title: { ru: 'Только по-русски' } })))).toMatchObject({ fields: { 'title.en': 'error_required' } });
	});
});
