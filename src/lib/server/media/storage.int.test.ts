import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { readMediaFile, uploadMedia } from './media.service';
import { localStorage, s3Storage, type MediaStorage, type S3Settings } from './storage';
import { motoBinary, startMoto } from '../testing/moto';

/** The same behaviour from every storage: what goes in comes out, deleted is gone. */
async function roundTrip(storage: MediaStorage) {
	const body = new TextEncoder().encode('hello, 你好, сәлем');
	await storage.put('media/test/hello.txt', body, 'text/plain');
	expect(new TextDecoder().decode((await storage.get('media/test/hello.txt'))!)).toBe('hello, 你好, сәлем');
	expect(await storage.get('media/test/missing.txt')).toBeNull();
	await storage.delete('media/test/hello.txt');
	expect(await storage.get('media/test/hello.txt')).toBeNull();
	await storage.delete('media/test/hello.txt'); // deleting twice is fine
	await expect(storage.put('../outside', body, 'text/plain')).rejects.toThrow(/unsafe/);
}

/** Listing: every stored key, sorted, under a prefix when given. */
async function listing(storage: MediaStorage) {
	expect(await storage.list()).toEqual([]);
	const keys = ['media/b/640.webp', 'media/a/320.jpg', 'cases/c/scan.pdf', 'media/a/1280.webp', 'media/b/original.png'];
	for (const key of keys) await storage.put(key, new TextEncoder().encode(key), 'application/octet-stream');
	expect(await storage.list()).toEqual([...keys].sort());
	expect(await storage.list('media/a/')).toEqual(['media/a/1280.webp', 'media/a/320.jpg']);
	expect(await storage.list('cases/')).toEqual(['cases/c/scan.pdf']);
	expect(await storage.list('nothing/')).toEqual([]);
	await storage.delete('media/b/640.webp');
	expect(await storage.list('media/b/')).toEqual(['media/b/original.png']);
}

describe('local disk storage', () => {
	it('stores, reads and deletes files under its folder only', async () => {
		await roundTrip(localStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'welcome-media-'))));
	});

	it('lists every stored file, leaving out writes still under way', async () => {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'welcome-media-'));
		await listing(localStorage(root));
		fs.writeFileSync(path.join(root, 'media/a/640.webp.123.tmp'), 'half a file');
		expect(await localStorage(root).list('media/a/')).toEqual(['media/a/1280.webp', 'media/a/320.jpg']);
		// A folder that does not exist yet holds nothing.
		expect(await localStorage(path.join(root, 'not-yet')).list()).toEqual([]);
	});
});

describe.skipIf(!motoBinary)('S3-compatible storage (against moto_server)', () => {
	let moto: Awaited<ReturnType<typeof startMoto>>;
	let settings: S3Settings;
	let platform: RunningPlatform;

	beforeAll(async () => {
		moto = await startMoto('welcome-media');
		settings = moto.settings;
		platform = await createTestPlatform();
	}, 30_000);
	afterAll(async () => {
		moto?.stop();
		await platform?.close();
	});

	it('stores, reads and deletes objects with signed requests', async () => {
		await roundTrip(s3Storage(settings));
	});

	it('lists the objects of the bucket page by page', async () => {
		const bucket = { ...settings, bucket: 'welcome-list' };
		expect(await moto.createBucket(bucket.bucket)).toBe(true);
		// Two keys a page: the listing follows the continuation tokens to the end.
		await listing(s3Storage(bucket, { listPageSize: 2 }));
		expect(await s3Storage(bucket).list()).toEqual(await s3Storage(bucket, { listPageSize: 1 }).list());
	});

	it('keeps the media library in the bucket', async () => {
		const inst = await makeInstitution(platform, { locales: ['en'] });
		const ctx = { ...(await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id)), media: s3Storage(settings) };
		const photo = new Uint8Array(await sharp({ create: { width: 800, height: 600, channels: 3, background: '#aa3366' } }).png().toBuffer());
		const asset = await uploadMedia(ctx, inst.id, { bytes: photo, name: 'campus.png' }, { en: 'Campus' });
		const file = await readMediaFile(ctx, asset.id, '640.webp');
		expect((await sharp(Buffer.from(file.body)).metadata()).width).toBe(640);
		expect(await platform.media.get(asset.variants[0]!.key)).toBeNull(); // not on local disk
	});
});
