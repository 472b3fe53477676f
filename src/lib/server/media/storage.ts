import fs from 'node:fs/promises';
import path from 'node:path';
import { AwsClient } from 'aws4fetch';
import type { Config } from '../platform/config';

/**
 * Where uploaded files live. Keys are opaque paths like "media/<uuid>/640.webp". Local disk by
 * default (DATA_DIR/media); any S3-compatible service when MEDIA_S3_* is set (requests signed
 * with aws4fetch, path-style URLs, so MinIO, Ceph, Garage and AWS all work).
 */
export interface MediaStorage {
	readonly kind: 'local' | 's3';
	put(key: string, body: Uint8Array, contentType: string): Promise<void>;
	/** null when there is no such object. */
	get(key: string): Promise<Uint8Array | null>;
	delete(key: string): Promise<void>;
	/** Every key stored (under `prefix`, when given), sorted; what this storage may hold (safe keys) only. */
	list(prefix?: string): Promise<string[]>;
}

/** The storage the configuration names: the S3 bucket when MEDIA_S3_BUCKET is set, else DATA_DIR/media. */
export function configuredStorage(config: Pick<Config, 'mediaS3' | 'dataDir'>): MediaStorage {
	return config.mediaS3 ? s3Storage(config.mediaS3) : localStorage(path.join(config.dataDir, 'media'));
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;
const isSafeKey = (key: string) => SAFE_KEY.test(key) && !key.includes('..');
function checkKey(key: string) {
	if (!isSafeKey(key)) throw new Error(`unsafe storage key: ${key}`);
	return key;
}

export function localStorage(root: string): MediaStorage {
	const full = (key: string) => path.join(root, checkKey(key));
	return {
		kind: 'local',
		async put(key, body) {
			await fs.mkdir(path.dirname(full(key)), { recursive: true });
			// Write then rename: a reader never sees half a file.
			const temporary = `${full(key)}.${process.pid}.tmp`;
			await fs.writeFile(temporary, body);
			await fs.rename(temporary, full(key));
		},
		async get(key) {
			try {
				return new Uint8Array(await fs.readFile(full(key)));
			} catch (err) {
				if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw err;
			}
		},
		async delete(key) {
			await fs.rm(full(key), { force: true });
		},
		async list(prefix = '') {
			const keys: string[] = [];
			const walk = async (dir: string, relative: string) => {
				let entries;
				try {
					entries = await fs.readdir(dir, { withFileTypes: true });
				} catch (err) {
					if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
					throw err;
				}
				for (const entry of entries) {
					const key = relative ? `${relative}/${entry.name}` : entry.name;
					if (entry.isDirectory()) await walk(path.join(dir, entry.name), key);
					// A `.tmp` file is a write still under way (or one that died): not an object yet.
					else if (entry.isFile() && !entry.name.endsWith('.tmp') && isSafeKey(key) && key.startsWith(prefix)) keys.push(key);
				}
			};
			await walk(root, '');
			return keys.sort();
		}
	};
}

export interface S3Settings {
	endpoint: string;
	bucket: string;
	region: string;
	accessKeyId: string;
	secretAccessKey: string;
}

/** `listPageSize`: keys per ListObjectsV2 request (S3's most, 1,000, by default; tests page with fewer). */
export function s3Storage(settings: S3Settings, options: { listPageSize?: number } = {}): MediaStorage {
	const client = new AwsClient({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, region: settings.region, service: 's3' });
	const url = (key: string) => `${settings.endpoint}/${settings.bucket}/${checkKey(key)}`;
	async function expectOk(response: Response, what: string) {
		if (!response.ok) throw new Error(`S3 ${what} failed: ${response.status} ${(await response.text()).slice(0, 200)}`);
	}
	return {
		kind: 's3',
		async put(key, body, contentType) {
			await expectOk(await client.fetch(url(key), { method: 'PUT', body: body as BodyInit, headers: { 'content-type': contentType } }), `PUT ${key}`);
		},
		async get(key) {
			const response = await client.fetch(url(key));
			if (response.status === 404) return null;
			await expectOk(response, `GET ${key}`);
			return new Uint8Array(await response.arrayBuffer());
		},
		async delete(key) {
			const response = await client.fetch(url(key), { method: 'DELETE' });
			if (response.status !== 404) await expectOk(response, `DELETE ${key}`);
		},
		async list(prefix = '') {
			// ListObjectsV2, a page of up to 1,000 keys at a time.
			const keys: string[] = [];
			let token: string | undefined;
			do {
				const query = new URLSearchParams({ 'list-type': '2', ...(options.listPageSize ? { 'max-keys': String(options.listPageSize) } : {}), ...(prefix ? { prefix } : {}), ...(token ? { 'continuation-token': token } : {}) });
				const response = await client.fetch(`${settings.endpoint}/${settings.bucket}?${query}`);
				await expectOk(response, `LIST ${prefix}`);
				const xml = await response.text();
				for (const [, raw] of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) {
					const key = unescapeXml(raw!);
					if (isSafeKey(key)) keys.push(key);
				}
				token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? unescapeXml(/<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1] ?? '') : undefined;
			} while (token);
			return keys.sort();
		}
	};
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
	text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) =>
		name.startsWith('#x') || name.startsWith('#X') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (XML_ENTITIES[name] ?? whole)
	);
