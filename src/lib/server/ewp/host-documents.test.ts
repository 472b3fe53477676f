import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiOf, catalogueFromManifests, heisOfClientKey, isClientKey, readCatalogue } from './catalogue';
import { discoveryEntry, echoEntry, echoResponseXml, errorResponseXml, manifestXml, NS } from './host-xml';
import { generateRsaKeyPair } from './keys';
import { validateEwpDocument } from './validate';

const specs = path.resolve('../shared/ewp/specs');
/** The offline validator kept with the specifications: an oracle independent of our schema copies. */
function officialCheck(schema: string, xml: string) {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ewp-')), 'document.xml');
	fs.writeFileSync(file, xml);
	return spawnSync(path.resolve('../shared/ewp/validate'), [schema, file], { encoding: 'utf8' });
}

const enuClient = generateRsaKeyPair();
const enuServer = generateRsaKeyPair();
const upcClient = generateRsaKeyPair();

function manifestOf(heiId: string, base: string, keys: { client: string[]; server: string[] }, names = [{ lang: 'en', text: heiId }]) {
	return manifestXml({
		adminEmail: 'ewp-admin@welcome.example',
		provider: 'WELCOME platform (WELCOME)',
		hei: { id: heiId, erasmusCode: heiId === 'upc.edu' ? 'E  BARCELO03' : null, names },
		apis: [discoveryEntry(`${base}/manifest.xml`), echoEntry(`${base}/echo`)],
		clientKeys: keys.client,
		serverKeys: keys.server
	});
}

describe('an EWP host’s own documents', () => {
	const enu = manifestOf('enu.kz', 'https://welcome.example/ewp/enu.kz', { client: [enuClient.publicKey], server: [enuServer.publicKey] }, [
		{ lang: 'en', text: 'L.N. Gumilyov Eurasian National University' },
		{ lang: 'kk', text: 'Л.Н. Гумилев атындағы Еуразия ұлттық университеті' }
	]);
	const upc = manifestOf('upc.edu', 'https://partner.example/ewp/upc.edu', { client: [upcClient.publicKey], server: [] });

	it('writes a Discovery v6 manifest that the schemas accept, API entries and security options included', async () => {
		expect(await validateEwpDocument(enu, 'hostDocuments')).toEqual({ valid: true, errors: [] });
		const official = officialCheck('ewp-specs-api-discovery/manifest.xsd', enu);
		expect(official.stderr).toContain('validates');
		expect(enu).toContain('xml:lang="kk"');
	});

	it('is refused by the schemas when an API is not on HTTPS', async () => {
		const plain = manifestOf('enu.kz', 'http://welcome.example/ewp/enu.kz', { client: [], server: [] });
		const check = await validateEwpDocument(plain, 'hostDocuments');
		expect(check.valid).toBe(false);
		expect(check.errors.join('\n')).toContain('https://');
		// The API entries are checked against their own schemas, not skipped as lax content.
		const noUrl = manifestOf('enu.kz', 'https://welcome.example/ewp/enu.kz', { client: [], server: [] }).replace(/<ns\d+:url>[^<]*<\/ns\d+:url>/g, '');
		expect((await validateEwpDocument(noUrl, 'hostDocuments')).errors.join('\n')).toMatch(/echo|discovery/);
	});

	it('builds a catalogue from manifests as the registry does, and answers the registry questions from it', async () => {
		const xml = catalogueFromManifests([enu, upc]);
		expect(await validateEwpDocument(xml, 'hostDocuments')).toEqual({ valid: true, errors: [] });
		expect(officialCheck('ewp-specs-api-registry/catalogue.xsd', xml).stderr).toContain('validates');
		const catalogue = readCatalogue(xml);
		expect(heisOfClientKey(catalogue, enuClient.fingerprint)).toEqual(['enu.kz']);
		expect(heisOfClientKey(catalogue, upcClient.fingerprint)).toEqual(['upc.edu']);
		expect(isClientKey(catalogue, enuServer.fingerprint)).toBe(false);
		expect(catalogue.keys.get(enuServer.fingerprint)).toBe(enuServer.publicKey);
		expect(catalogue.heis.get('upc.edu')).toEqual({ names: [{ lang: 'en', text: 'upc.edu' }], erasmusCode: 'E  BARCELO03' });
		const echo = apiOf(catalogue, 'enu.kz', NS.echoEntry, 'echo', 2);
		expect(echo?.version).toBe('2.0.1');
		expect(echo?.host.serverKeyIds).toEqual([enuServer.fingerprint]);
		expect(apiOf(catalogue, 'enu.kz', NS.echoEntry, 'echo', 1)).toBeNull();
		expect(apiOf(catalogue, 'unknown.edu', NS.echoEntry, 'echo', 2)).toBeNull();
	});

	it('writes echo and error responses the schemas accept', async () => {
		const echo = echoResponseXml(['upc.edu'], ['a', 'b & <c>']);
		expect(await validateEwpDocument(echo, 'hostDocuments')).toEqual({ valid: true, errors: [] });
		expect(officialCheck('ewp-specs-api-echo/response.xsd', echo).stderr).toContain('validates');
		const error = errorResponseXml('The signature does not verify.');
		expect(await validateEwpDocument(error, 'hostDocuments')).toEqual({ valid: true, errors: [] });
		expect(officialCheck('ewp-specs-architecture/common-types.xsd', error).stderr).toContain('validates');
	});

	it('refuses to read what is not a catalogue', () => {
		expect(() => readCatalogue('<manifest/>')).toThrow();
		expect(() => readCatalogue('<!DOCTYPE x [<!ENTITY a "b">]><catalogue/>')).toThrow();
		expect(fs.existsSync(specs)).toBe(true);
	});
});
