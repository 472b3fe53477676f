// The nginx configuration of docs/deploy/nginx.conf, made runnable without root for the benchmark
// and the end-to-end test: the same file, with only the listen address, the app's address and the
// cache folder replaced, inside a minimal main configuration whose files all live in `dir`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** The nginx binary on this machine, or null. */
export function findNginx() {
	return ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p)) ?? null;
}

/**
 * Writes `dir/nginx.conf` and returns its path.
 * @param {{ dir: string, listen: number, upstreamPort: number, extraServers?: string }} options
 */
export function writeNginxConfig({ dir, listen, upstreamPort, extraServers = '' }) {
	fs.mkdirSync(path.join(dir, 'cache'), { recursive: true });
	const site = fs
		.readFileSync(path.join(root, 'docs', 'deploy', 'nginx.conf'), 'utf8')
		.replace('server 127.0.0.1:3000;', `server 127.0.0.1:${upstreamPort};`)
		.replace('listen 80;', `listen 127.0.0.1:${listen};`)
		.replace('/var/cache/nginx/welcome', path.join(dir, 'cache'));
	for (const original of ['127.0.0.1:3000', 'listen 80;', '/var/cache/nginx/welcome']) {
		if (site.includes(original)) throw new Error(`docs/deploy/nginx.conf: "${original}" appears more than once`);
	}
	const file = path.join(dir, 'nginx.conf');
	fs.writeFileSync(
		file,
		`daemon off;
# Started as root, nginx's workers would run as nobody, who cannot enter a private temp folder.
${process.getuid?.() === 0 ? `user ${os.userInfo().username};` : ''}
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
	access_log off;
	default_type application/octet-stream;
	client_body_temp_path ${dir}/client-body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
${site}
${extraServers}
}
`
	);
	return file;
}
