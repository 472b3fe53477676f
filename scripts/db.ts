// npm run db:migrate | db:seed — the same code the server runs at start-up, on demand.
import { readConfig } from '../src/lib/server/platform/config';
import { startPlatform } from '../src/lib/server/boot/platform';
import { seedDemo } from '../src/lib/server/demo/demo.seed';
import { seedGuides } from '../src/lib/server/guides/guides.service';
import { rebuildSearchIndex } from '../src/lib/server/search/search.service';

const command = process.argv[2];
if (command !== 'migrate' && command !== 'seed') {
	console.error('usage: tsx scripts/db.ts migrate|seed');
	process.exit(2);
}
const platform = await startPlatform(readConfig()); // opening the platform migrates the database
if (command === 'seed') {
	await seedGuides(platform);
	await seedDemo(platform);
	await rebuildSearchIndex(platform);
}
await platform.close();
