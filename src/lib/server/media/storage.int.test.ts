import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AwsClient } from 'aws4fetch';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { readMediaFile, uploadMedia } from './media.service';
import { localStorage, s3Storage, type MediaStorage } from './storage';

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

// moto's server speaks the S3 HTTP API (it is installed with Python on these machines). Where
// it is missing the S3 test is skipped with a note, never faked.
const moto = spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' }).stdout.trim();

describe.skipIf(!moto)('S3-compatible storage (against moto_server)', () => {
	let server: ChildProcess;
	let platform: RunningPlatform;
	const port = 45_000 + Math.floor(Math.random() * 5_000);
	const settings = { endpoint: `http://127.0.0.1:${port}`, bucket: 'welcome-media', region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' };

	beforeAll(async () => {
		server = spawn(moto, ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
		for (let i = 0; i < 100; i++) {
			if (await fetch(settings.endpoint).then(() => true, () => false)) break;
			await new Promise((r) => setTimeout(r, 100));
		}
		const client = new AwsClient({ accessKeyId: 'test', secretAccessKey: 'test', region: 'us-east-1', service: 's3' });
		expect((await client.fetch(`${settings.endpoint}/${settings.bucket}`, { method: 'PUT' })).ok).toBe(true);
		platform = await createTestPlatform();
	}, 30_000);
	afterAll(async () => {
		server?.kill();
		await platform?.close();
	});

	it('stores, reads and deletes objects with signed requests', async () => {
		await roundTrip(s3Storage(settings));
	});

	it('lists the objects of the bucket page by page', async () => {
		const client = new AwsClient({ accessKeyId: 'test', secretAccessKey: 'test', region: 'us-east-1', service: 's3' });
		const bucket = { ...settings, bucket: 'welcome-list' };
		expect((await client.fetch(`${bucket.endpoint}/${bucket.bucket}`, { method: 'PUT' })).ok).toBe(true);
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
