import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../audit/audit.service';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { deleteMedia, IMAGE_CHOICES_LIMIT, imageChoices, imageSources, listMedia, MEDIA_PAGE_SIZE, readMediaFile, updateMediaAlt, uploadMedia } from './media.service';
import { mediaAsset } from './media.tables';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

/** A 2000×1000 photo taken "sideways" (EXIF orientation 6) with a GPS-like comment in its metadata. */
async function cameraPhoto() {
	return new Uint8Array(
		await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#3366aa' } })
			.jpeg()
			.withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'Photographer', ImageDescription: 'GPS 51.1694 N 71.4491 E' } } })
			.toBuffer()
	);
}

const alt = { kk: 'Университеттің бас ғимараты', ru: 'Главный корпус университета', en: 'The main building' };

async function team() {
	const inst = await makeInstitution(platform, { defaultLocale: 'kk', locales: ['kk', 'ru', 'en'] });
	const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
	const translator = await contextFor(platform, (await makeUser(platform, { role: 'translator', institutionId: inst.id })).id);
	const outsider = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: (await makeInstitution(platform)).id })).id);
	const admin = await contextFor(platform, (await makeUser(platform, { role: 'institution_admin', institutionId: inst.id })).id);
	return { inst, editor, translator, outsider, admin };
}

describe('the media library', () => {
	it('turns a photo upright into responsive copies with no metadata left', async () => {
		const t = await team();
		const asset = await uploadMedia(t.editor, t.inst.id, { bytes: await cameraPhoto(), name: 'IMG_0001.JPG' }, alt);
		expect(asset).toMatchObject({ kind: 'image', mime: 'image/jpeg', width: 1000, height: 2000, originalName: 'IMG_0001.JPG' });
		expect(asset.variants.map((v) => `${v.width}.${v.format}`)).toEqual(['320.webp', '320.jpeg', '640.webp', '640.jpeg', '1000.webp', '1000.jpeg']);
		for (const variant of asset.variants) {
			const file = await readMediaFile(t.editor, asset.id, variant.key.split('/').pop()!);
			const meta = await sharp(Buffer.from(file.body)).metadata();
			expect(meta.exif, variant.key).toBeUndefined();
			expect(meta.orientation ?? 1).toBe(1);
			expect(meta.height! > meta.width!).toBe(true);
		}
		const sources = imageSources(asset.id, asset.variants);
		expect(sources.webp).toBe(`/media/${asset.id}/320.webp 320w, /media/${asset.id}/640.webp 640w, /media/${asset.id}/1000.webp 1000w`);
		expect(sources.fallback).toBe(`/media/${asset.id}/1000.jpg`);
	});

	it('reads the type from the content, not the name, and refuses what is not an image or PDF', async () => {
		const t = await team();
		const photo = await cameraPhoto();
		const renamed = await uploadMedia(t.editor, t.inst.id, { bytes: photo, name: 'report.pdf' }, alt);
		expect(renamed.kind).toBe('image');
		const script = new TextEncoder().encode('<svg onload="alert(1)"></svg>');
		expect(await failure(uploadMedia(t.editor, t.inst.id, { bytes: script, name: 'logo.png' }, alt))).toMatchObject({ fields: { file: 'error_media_type' } });
		const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
		const document = await uploadMedia(t.editor, t.inst.id, { bytes: pdf, name: 'leaflet "2027".pdf' }, {});
		expect(document).toMatchObject({ kind: 'document', mime: 'application/pdf', originalName: 'leaflet 2027.pdf' });
		expect((await readMediaFile(t.editor, document.id, 'document.pdf')).type).toBe('application/pdf');
		const truncated = photo.slice(0, 200);
		expect(await failure(uploadMedia(t.editor, t.inst.id, { bytes: truncated, name: 'broken.jpg' }, alt))).toMatchObject({ fields: { file: 'error_media_unreadable' } });
		expect((await listMedia(t.editor, t.inst.id, { kind: 'image' })).items).toHaveLength(1);
	});

	it('needs a text alternative in every language the institution publishes in', async () => {
		const t = await team();
		const error = await failure(uploadMedia(t.editor, t.inst.id, { bytes: await cameraPhoto(), name: 'a.jpg' }, { kk: 'Ғимарат' }));
		expect(error.fields).toEqual({ 'alt.ru': 'error_alt_required', 'alt.en': 'error_alt_required' });
		expect((await listMedia(t.editor, t.inst.id)).total).toBe(0);
	});

	it('lets translators add text alternatives but not change the original, and audits', async () => {
		const t = await team();
		const asset = await uploadMedia(t.editor, t.inst.id, { bytes: await cameraPhoto(), name: 'a.jpg' }, alt);
		const updated = await updateMediaAlt(t.translator, t.inst.id, asset.id, { ...alt, kk: 'Changed', zh: '主楼' }, asset.version);
		expect(updated.alt).toEqual({ ...alt, zh: '主楼' });
		expect(await failure(updateMediaAlt(t.translator, t.inst.id, asset.id, alt, asset.version))).toMatchObject({ status: 409 });
		const { events } = await listAuditEvents(t.admin, { institutionId: t.inst.id });
		expect(events.map((e) => e.action).slice(0, 2)).toEqual(['media.update_alt', 'media.upload']);
	});

	it('deletes the files with the record, and keeps other institutions out', async () => {
		const t = await team();
		const asset = await uploadMedia(t.editor, t.inst.id, { bytes: await cameraPhoto(), name: 'a.jpg' }, alt);
		expect(await failure(deleteMedia(t.outsider, t.inst.id, asset.id))).toMatchObject({ status: 404 });
		expect(await failure(uploadMedia(t.translator, t.inst.id, { bytes: await cameraPhoto(), name: 'a.jpg' }, alt))).toMatchObject({ status: 403 });
		await deleteMedia(t.editor, t.inst.id, asset.id);
		expect(await platform.media.get(asset.variants[0]!.key)).toBeNull();
		await expect(readMediaFile(t.editor, asset.id, '320.webp')).rejects.toMatchObject({ status: 404 });
	});
});

describe('the library’s pages', () => {
	/** Rows only (their files are not read here), one minute apart, the first the oldest. */
	const rows = (institutionId: string, kind: 'image' | 'document', n: number, from = 0) =>
		Array.from({ length: n }, (_, i) => ({
			institutionId,
			kind,
			mime: kind === 'image' ? 'image/jpeg' : 'application/pdf',
			originalName: `${kind}-${from + i}`,
			bytes: 1000,
			variants: [],
			createdAt: new Date(Date.UTC(2026, 0, 1, 0, from + i))
		}));

	it('lists the newest first, a page at a time, and never fails on a bad page', async () => {
		const t = await team();
		await platform.db.insert(mediaAsset).values([...rows(t.inst.id, 'document', 2 * MEDIA_PAGE_SIZE + 5), ...rows(t.inst.id, 'image', 3, 1000)]);
		const first = await listMedia(t.translator, t.inst.id);
		expect(first).toMatchObject({ total: 2 * MEDIA_PAGE_SIZE + 8, page: 1, pageSize: MEDIA_PAGE_SIZE, pageCount: 3 });
		expect(first.items.slice(0, 3).map((a) => a.originalName)).toEqual(['image-1002', 'image-1001', 'image-1000']);
		const last = await listMedia(t.translator, t.inst.id, { page: 3 });
		expect(last.items.map((a) => a.originalName)).toEqual(['document-7', 'document-6', 'document-5', 'document-4', 'document-3', 'document-2', 'document-1', 'document-0']);
		expect(await listMedia(t.translator, t.inst.id, { page: 999_999_999 })).toEqual(last);
		expect((await listMedia(t.translator, t.inst.id, { page: 0 })).page).toBe(1);
		expect((await listMedia(t.translator, t.inst.id, { kind: 'image' })).total).toBe(3);
		expect(await failure(listMedia(t.outsider, t.inst.id))).toMatchObject({ status: 404 });
	});

	it('offers the newest images for the profile photo, and the chosen one even when older', async () => {
		const t = await team();
		await platform.db.insert(mediaAsset).values(rows(t.inst.id, 'image', IMAGE_CHOICES_LIMIT + 5));
		const [oldest] = await platform.db.select({ id: mediaAsset.id }).from(mediaAsset).where(eq(mediaAsset.originalName, 'image-0'));
		const plain = await imageChoices(t.editor, t.inst.id);
		expect(plain).toMatchObject({ total: IMAGE_CHOICES_LIMIT + 5, limit: IMAGE_CHOICES_LIMIT });
		expect(plain.items).toHaveLength(IMAGE_CHOICES_LIMIT);
		expect(plain.items.map((i) => i.id)).not.toContain(oldest!.id);
		const withCurrent = await imageChoices(t.editor, t.inst.id, oldest!.id);
		expect(withCurrent.items).toHaveLength(IMAGE_CHOICES_LIMIT + 1);
		expect(withCurrent.items.at(-1)!.id).toBe(oldest!.id);
		expect((await imageChoices(t.editor, t.inst.id, 'not-a-uuid')).items).toHaveLength(IMAGE_CHOICES_LIMIT);
		// Another institution's image is never offered.
		const other = await team();
		expect((await imageChoices(other.editor, other.inst.id, oldest!.id)).items).toEqual([]);
	});
});
