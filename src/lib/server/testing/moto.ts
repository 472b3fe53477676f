import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { AwsClient } from 'aws4fetch';
import type { S3Settings } from '../media/storage';

/**
 * moto's server speaks the S3 HTTP API (installed with Python on these machines). Where it is
 * missing, S3 tests are skipped with a note, never faked.
 */
export const motoBinary = spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' }).stdout.trim();

/** A moto server on a random port, with `bucket` created; `createBucket` makes more. */
export async function startMoto(bucket: string) {
	const port = 45_000 + Math.floor(Math.random() * 5_000);
	const settings: S3Settings = { endpoint: `http://127.0.0.1:${port}`, bucket, region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' };
	const server: ChildProcess = spawn(motoBinary, ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
	for (let i = 0; i < 100; i++) {
		if (await fetch(settings.endpoint).then(() => true, () => false)) break;
		await new Promise((r) => setTimeout(r, 100));
	}
	const client = new AwsClient({ accessKeyId: 'test', secretAccessKey: 'test', region: 'us-east-1', service: 's3' });
	const createBucket = async (name: string) => (await client.fetch(`${settings.endpoint}/${name}`, { method: 'PUT' })).ok;
	if (!(await createBucket(bucket))) throw new Error(`moto_server: could not create the bucket ${bucket}`);
	return { settings, createBucket, stop: () => server.kill() };
}
