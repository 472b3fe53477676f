// `npm start`: builds the app when the build is missing or older than the sources, then
// serves it (scripts/serve.js) on PORT (default 3000) with the embedded database in DATA_DIR.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const entry = path.join(root, 'build', 'handler.js');

function newestMtime(dir) {
	let newest = 0;
	for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
		if (item.name === 'paraglide') continue;
		const full = path.join(dir, item.name);
		newest = Math.max(newest, item.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
	}
	return newest;
}

const sources = ['src', 'messages', 'drizzle', 'static'].map((d) => path.join(root, d)).filter((d) => fs.existsSync(d));
const stale = !fs.existsSync(entry) || Math.max(...sources.map(newestMtime)) > fs.statSync(entry).mtimeMs;
if (stale) {
	console.log('Building the platform (first start or changed sources)…');
	const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

await import('./serve.js');
