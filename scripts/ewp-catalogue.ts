// npm run ewp:catalogue -- <manifest URL or file>… [--out catalogue.xml]
// Builds an EWP registry catalogue from Discovery manifests, as the network's registry does, so
// that servers on one machine (development, tests) find each other: point each one's
// EWP_REGISTRY_URL at the result (file:///…/catalogue.xml). Manifests are checked against the
// Discovery schema first; a manifest that fails it is reported and left out.
import fs from 'node:fs';
import { catalogueFromManifests } from '../src/lib/server/ewp/catalogue';
import { validateEwpDocument } from '../src/lib/server/ewp/validate';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const sources = args.filter((_, i) => i !== outAt && i !== outAt + 1);
if (!sources.length) {
	console.error('usage: npm run ewp:catalogue -- <manifest URL or file>… [--out catalogue.xml]');
	process.exit(2);
}

const manifests: string[] = [];
let failed = false;
for (const source of sources) {
	try {
		const xml = /^https?:\/\//.test(source) ? await (await fetch(source, { signal: AbortSignal.timeout(30_000) })).text() : fs.readFileSync(source, 'utf8');
		const check = await validateEwpDocument(xml, 'hostDocuments');
		if (!check.valid) throw new Error(check.errors.slice(0, 3).join('; '));
		manifests.push(xml);
		console.error(`✓ ${source}`);
	} catch (error) {
		failed = true;
		console.error(`✗ ${source}: ${(error as Error).message}`);
	}
}
const catalogue = catalogueFromManifests(manifests);
if (out) fs.writeFileSync(out, catalogue);
else process.stdout.write(catalogue);
process.exit(failed ? 1 : 0);
