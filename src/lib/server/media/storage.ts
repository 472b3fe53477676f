import fs from 'node:fs/promises';
import path from 'node:path';
import { AwsClient } from 'aws4fetch';

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
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;
function checkKey(key: string) {
	if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key: ${key}`);
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

export function s3Storage(settings: S3Settings): MediaStorage {
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
		}
	};
}
