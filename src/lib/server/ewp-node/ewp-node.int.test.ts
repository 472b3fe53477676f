import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { failure } from '../testing/assertions';
import { catalogueFromManifests } from '../ewp/catalogue';
import { digestHeader, publicKeyFromBase64, signRequest, verifyResponse } from '../ewp/httpsig';
import { generateRsaKeyPair } from '../ewp/keys';
import { validateEwpDocument } from '../ewp/validate';
import { childElements, parseXml, textOf } from '../ewp/xml';
import { addContact, addUnit, createPartner, ownPartnerEntry } from '../partners/partners.service';
import { echoPartner } from './checks.service';
import { ewpRegistry } from './ewp-node.tables';
import { answerEwpRequest, type EwpRequest } from './gateway';
import { ewpHostFor, publishedHost, rotateEwpKey, updateEwpHost, type PublishedHost } from './hosts.service';
import { manifestOf } from './manifest';
import { refreshRegistry, registryStatus } from './registry.service';

let platform: RunningPlatform;
let server: http.Server;
let origin: string;

beforeAll(async () => {
	// A real HTTP server in front of the gateway, so that the client's calls go over the wire.
	server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', async () => {
			const url = new URL(req.url!, origin);
			const [, , hei, ...api] = url.pathname.split('/');
			const answer = await answerEwpRequest(platform, { heiId: hei!, path: api.join('/'), method: req.method!, url, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
			res.writeHead(answer.status, answer.headers).end(answer.body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	platform = await createTestPlatform({ env: { ORIGIN: origin } });
});
afterAll(async () => {
	server?.close();
	await platform?.close();
});

let n = 0;
async function office(heiId: string | null = `ewp${++n}.example.kz`) {
	const inst = await makeInstitution(platform, { heiId });
	const admin = await makeUser(platform, { role: 'institution_admin', institutionId: inst.id });
	return { inst, ctx: await contextFor(platform, admin.id) };
}

async function switchedOn(heiId?: string) {
	const o = await office(heiId);
	await updateEwpHost(o.ctx, o.inst.id, { enabled: 'on', adminEmail: 'ewp@example.kz', version: '0' });
	return { ...o, host: (await publishedHost(platform, o.inst.heiId!))! };
}

/** The registry as it would list these hosts (kept directly: the catalogue of local http URLs is not schema-valid). */
async function holdCatalogue(hosts: PublishedHost[], extra: string[] = []) {
	const xml = catalogueFromManifests([...hosts.map((h) => manifestOf(platform, h)), ...extra]);
	await platform.db
		.insert(ewpRegistry)
		.values({ id: 1, sourceUrl: 'test', catalogue: xml, fetchedAt: new Date(), checkedAt: new Date() })
		.onConflictDoUpdate({ target: ewpRegistry.id, set: { catalogue: xml, fetchedAt: new Date(Date.now() + n) } });
}

function signedEcho(caller: PublishedHost, to: string, options: { body?: string; key?: { keyId: string; privateKey: string }; requestId?: string; method?: string; path?: string } = {}): EwpRequest {
	const path = options.path ?? 'echo';
	const url = new URL(`${origin}/ewp/${to}/${path}`);
	const body = options.body ?? 'echo=hello';
	const key = options.key ?? { keyId: caller.clientKeys[0]!.fingerprint, privateKey: caller.clientKeys[0]!.privateKey };
	const headers = signRequest({ method: options.method ?? 'POST', url, body, key, now: platform.clock.now(), requestId: options.requestId ?? crypto.randomUUID(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
	return { heiId: to, path, method: options.method ?? 'POST', url, headers, body: new TextEncoder().encode(body) };
}

describe('an institution’s EWP host', () => {
	it('is switched on by its admins only with a hei-id, makes its keys then, and rotates them; staff and other institutions cannot', async () => {
		const none = await office(null);
		expect((await failure(updateEwpHost(none.ctx, none.inst.id, { enabled: 'on', adminEmail: 'ewp@example.kz', version: '0' }))).fields).toEqual({ enabled: 'error_ewp_needs_hei_id' });
		const { inst, ctx } = await office();
		expect((await failure(updateEwpHost(ctx, inst.id, { enabled: 'on', adminEmail: 'not an address', version: '0' }))).fields).toHaveProperty('adminEmail');
		await updateEwpHost(ctx, inst.id, { enabled: 'on', adminEmail: 'ewp@example.kz', version: '0' });
		expect((await failure(updateEwpHost(ctx, inst.id, { enabled: 'on', adminEmail: 'ewp@example.kz', version: '0' }))).messageKey).toBe('error_stale_edit');
		const before = await ewpHostFor(ctx, inst.id);
		expect(before.keys.map((k) => k.purpose).sort()).toEqual(['client', 'server']);
		const rotated = await rotateEwpKey(ctx, inst.id, { purpose: 'client' });
		const after = await ewpHostFor(ctx, inst.id);
		expect(after.keys.filter((k) => k.purpose === 'client').map((k) => [k.fingerprint === rotated, k.replacedAt === null])).toEqual([
			[true, true],
			[false, false]
		]);
		// The replaced key stays published for a day; the new one signs.
		const host = (await publishedHost(platform, inst.heiId!))!;
		expect(host.clientKeys.map((k) => k.fingerprint)).toEqual([rotated, before.keys.find((k) => k.purpose === 'client')!.fingerprint]);

		const staff = await contextFor(platform, (await makeUser(platform, { role: 'staff', institutionId: inst.id })).id);
		expect((await failure(ewpHostFor(staff, inst.id))).code).toBe('forbidden');
		const other = await office();
		expect((await failure(ewpHostFor(other.ctx, inst.id))).code).toBe('not_found');
		expect((await failure(rotateEwpKey(other.ctx, inst.id, { purpose: 'server' }))).code).toBe('not_found');
	});

	it('publishes a manifest the Discovery schema accepts when served over HTTPS, with its HEI, Echo and both keys', async () => {
		const { host } = await switchedOn();
		const https = createTestPlatformLike('https://welcome.example');
		const xml = manifestOf(https, host);
		expect(await validateEwpDocument(xml, 'hostDocuments')).toEqual({ valid: true, errors: [] });
		expect(xml).toContain(`<r:hei id="${host.heiId}">`);
		expect(xml).toContain(`https://welcome.example/ewp/${host.heiId}/echo`);
		expect(xml).toContain(`https://welcome.example/ewp/${host.heiId}/institutions`);
		expect(xml).toMatch(/<(\w+:)?max-ounit-ids>100<\//);
		expect(xml).toContain(host.clientKeys[0]!.publicKey);
		expect(xml).toContain(host.serverKeys[0]!.publicKey);
		expect(await publishedHost(platform, 'nobody.example.kz')).toBeNull();
	});
});

/** The same platform seen from another origin (the manifest's URLs only). */
function createTestPlatformLike(originUrl: string) {
	return { ...platform, config: { ...platform.config, origin: originUrl } };
}

describe('the EWP gateway', () => {
	it('answers a signed Echo with the caller’s HEIs, signed, and refuses tampered, unknown, replayed and unsigned requests as the specs say', async () => {
		const enu = await switchedOn();
		const upc = await switchedOn();
		await holdCatalogue([enu.host, upc.host]);

		const request = signedEcho(upc.host, enu.host.heiId);
		const ok = await answerEwpRequest(platform, request);
		expect(ok.status).toBe(200);
		expect(await validateEwpDocument(ok.body, 'hostDocuments')).toEqual({ valid: true, errors: [] });
		const root = parseXml(ok.body);
		expect(childElements(root, 'hei-id').map(textOf)).toEqual([upc.host.heiId]);
		expect(childElements(root, 'echo').map(textOf)).toEqual(['hello']);
		const requestSignature = /signature="([^"]*)"/.exec(request.headers.authorization!)![1];
		const serverKey = publicKeyFromBase64(enu.host.serverKeys[0]!.publicKey);
		expect(verifyResponse({ headers: ok.headers, body: new TextEncoder().encode(ok.body), now: platform.clock.now(), requestId: request.headers['x-request-id']!, requestSignature, publicKeyOf: (id) => (id === enu.host.serverKeys[0]!.fingerprint ? serverKey : null) })).toEqual({ ok: true, keyId: enu.host.serverKeys[0]!.fingerprint });

		// The same request again: a replay.
		const replay = await answerEwpRequest(platform, request);
		expect(replay.status).toBe(400);
		expect(replay.body).toContain('replayed');
		// Its body changed after signing.
		const tampered = await answerEwpRequest(platform, { ...signedEcho(upc.host, enu.host.heiId), body: new TextEncoder().encode('echo=evil') });
		expect([tampered.status, tampered.body.includes('Digest')]).toEqual([400, true]);
		expect(await validateEwpDocument(tampered.body, 'hostDocuments')).toEqual({ valid: true, errors: [] });
		// Signed with a key the registry does not list.
		const stranger = generateRsaKeyPair();
		const unknown = await answerEwpRequest(platform, signedEcho(upc.host, enu.host.heiId, { key: { keyId: stranger.fingerprint, privateKey: stranger.privateKey } }));
		expect(unknown.status).toBe(403);
		// Signed with our server key (not a client key).
		const serverSigned = await answerEwpRequest(platform, signedEcho(upc.host, enu.host.heiId, { key: { keyId: upc.host.serverKeys[0]!.fingerprint, privateKey: upc.host.serverKeys[0]!.privateKey } }));
		expect(serverSigned.status).toBe(403);
		// Not signed at all.
		const unsigned = await answerEwpRequest(platform, { ...request, headers: { host: new URL(origin).host, digest: digestHeader('echo=hello') } });
		expect([unsigned.status, unsigned.headers['www-authenticate']]).toEqual([401, 'Signature realm="EWP"']);
		// Wrong method, wrong encoding, unknown HEI and API.
		expect((await answerEwpRequest(platform, signedEcho(upc.host, enu.host.heiId, { method: 'PUT' }))).status).toBe(405);
		const json = signedEcho(upc.host, enu.host.heiId, { body: '{"echo":"x"}' });
		json.headers['content-type'] = 'application/json';
		expect((await answerEwpRequest(platform, json)).status).toBe(415);
		expect((await answerEwpRequest(platform, { ...signedEcho(upc.host, enu.host.heiId), path: 'iias/get' })).status).toBe(404);
		expect((await answerEwpRequest(platform, signedEcho(upc.host, 'nobody.example.kz'))).status).toBe(404);

		// Everything is in ENU's log, refusals included.
		const log = (await ewpHostFor(enu.ctx, enu.inst.id)).log;
		expect(log.map((l) => l.status).sort()).toEqual([200, 400, 400, 401, 403, 403, 404, 405, 415].sort());
		expect(log.find((l) => l.status === 200)?.party).toBe(upc.host.heiId);
	});

	it('lets an admin call Echo on a partner over HTTP and check its signed answer; a partner the registry does not list is a clear failure', async () => {
		const enu = await switchedOn();
		const upc = await switchedOn();
		await holdCatalogue([enu.host, upc.host]);
		expect(await echoPartner(enu.ctx, enu.inst.id, { heiId: upc.host.heiId })).toEqual({ ok: true, heiIds: [enu.host.heiId] });
		expect(await echoPartner(enu.ctx, enu.inst.id, { heiId: 'absent.example.edu' })).toEqual({ ok: false, reason: 'the registry lists no echo API (v2) for absent.example.edu' });
		expect((await failure(echoPartner(enu.ctx, enu.inst.id, { heiId: 'not a hei' }))).fields).toEqual({ heiId: 'error_hei_id_invalid' });
		const log = (await ewpHostFor(enu.ctx, enu.inst.id)).log.filter((l) => l.direction === 'out');
		expect(log.map((l) => [l.party, l.status])).toContainEqual([upc.host.heiId, 200]);
	});

	it('reports a partner that answers unsigned or not at all, without throwing', async () => {
		const enu = await switchedOn();
		const silent = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/xml' }).end('<response/>'));
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		try {
			const port = (silent.address() as AddressInfo).port;
			const fake = generateRsaKeyPair();
			const fakeManifest = manifestOf(createTestPlatformLike(`http://127.0.0.1:${port}`), { ...enu.host, heiId: 'unsigned.example.edu', institutionId: 'x', clientKeys: [fake], serverKeys: [] });
			await holdCatalogue([enu.host], [fakeManifest]);
			const result = await echoPartner(enu.ctx, enu.inst.id, { heiId: 'unsigned.example.edu' });
			expect(result).toEqual({ ok: false, reason: 'the response is not signed' });
		} finally {
			silent.close();
		}
		// Down: nothing listens on the port any more.
		const port = (silent.address() as AddressInfo | null)?.port ?? 9;
		const down = manifestOf(createTestPlatformLike(`http://127.0.0.1:${port}`), { ...enu.host, heiId: 'down.example.edu', institutionId: 'x', clientKeys: [generateRsaKeyPair()], serverKeys: [] });
		await holdCatalogue([enu.host], [down]);
		const result = await echoPartner(enu.ctx, enu.inst.id, { heiId: 'down.example.edu' });
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(/^cannot reach 127\.0\.0\.1/);
	});
});

describe('the Institutions and Organizational Units APIs', () => {
	it('describe the covered HEI in full and partners by name, with the units of its own directory entry, valid against their schemas', async () => {
		const enu = await switchedOn();
		const upc = await switchedOn();
		await holdCatalogue([enu.host, upc.host]);
		const own = await ownPartnerEntry(enu.ctx, enu.inst.id);
		const unit = await addUnit(enu.ctx, enu.inst.id, own.id, { ounitId: 'ENU-IR', code: 'IRO', name: { en: 'International Relations Office', kk: 'Халықаралық ынтымақтастық бөлімі' } });
		await addContact(enu.ctx, enu.inst.id, own.id, { name: 'Aigerim Sarsenova', email: 'iro@enu.example.kz', phone: '+77172709500', roles: ['incoming', 'coordinator'], unitId: unit.id });
		await addContact(enu.ctx, enu.inst.id, own.id, { name: 'Rector’s office', email: 'rector@enu.example.kz', roles: ['signatory'] });
		await createPartner(enu.ctx, enu.inst.id, { heiId: 'partner-only.example.es', erasmusCode: 'E  BARCELO03', name: { en: 'Partner Only University', ru: 'Университет-партнёр' }, countryCode: 'ES' });

		const answer = await answerEwpRequest(platform, signedEcho(upc.host, enu.host.heiId, { path: 'institutions', body: `hei_id=${enu.host.heiId}&hei_id=partner-only.example.es&hei_id=unknown.example.org` }));
		expect(answer.status).toBe(200);
		expect(await validateEwpDocument(answer.body, 'hostDocuments')).toEqual({ valid: true, errors: [] });
		const heis = childElements(parseXml(answer.body), 'hei');
		expect(heis.map((h) => textOf(childElements(h, 'hei-id')[0]))).toEqual([enu.host.heiId, 'partner-only.example.es']);
		expect(answer.body).toContain('<ounit-id>ENU-IR</ounit-id>');
		expect(answer.body).toContain('<c:contact-name>Rector’s office</c:contact-name>');
		expect(answer.body).not.toContain('Aigerim');
		expect(answer.body).toMatch(/<other-id type="erasmus">E\s+BARCELO03<\/other-id>/);
		expect(answer.body).toContain(`${origin}/kk/institutions/`);

		const units = await answerEwpRequest(platform, signedEcho(upc.host, enu.host.heiId, { path: 'ounits', body: `hei_id=${enu.host.heiId}&ounit_id=ENU-IR&ounit_id=NOPE` }));
		expect(units.status).toBe(200);
		expect(await validateEwpDocument(units.body, 'hostDocuments')).toEqual({ valid: true, errors: [] });
		expect(units.body).toContain('<ounit-code>IRO</ounit-code>');
		expect(units.body).toContain('<name xml:lang="kk">Халықаралық ынтымақтастық бөлімі</name>');
		expect(units.body).toContain('<p:e164>+77172709500</p:e164>');
		const byCode = await answerEwpRequest(platform, signedEcho(upc.host, enu.host.heiId, { path: 'ounits', body: `hei_id=${enu.host.heiId}&ounit_code=IRO` }));
		expect(byCode.body).toContain('<ounit-id>ENU-IR</ounit-id>');

		// The limits and required parameters the specs set: 400 with an error response.
		const tooMany = Array.from({ length: 11 }, (_, i) => `hei_id=h${i}.example.org`).join('&');
		for (const [path, body] of [['institutions', tooMany], ['institutions', ''], ['ounits', `hei_id=${upc.host.heiId}&ounit_id=X`], ['ounits', `hei_id=${enu.host.heiId}&ounit_id=X&ounit_code=Y`], ['ounits', `hei_id=${enu.host.heiId}`]] as const) {
			const refused = await answerEwpRequest(platform, signedEcho(upc.host, enu.host.heiId, { path, body }));
			expect(refused.status, `${path} ${body.slice(0, 40)}`).toBe(400);
			expect(await validateEwpDocument(refused.body, 'hostDocuments')).toEqual({ valid: true, errors: [] });
		}
	});
});

describe('the registry', () => {
	it('reads a catalogue from the configured URL, checks it against the schema, keeps the last good one on a failure, and says so', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-'));
		const file = path.join(dir, 'catalogue.xml');
		const { ctx, inst, host } = await switchedOn();
		fs.writeFileSync(file, catalogueFromManifests([manifestOf(createTestPlatformLike('https://welcome.example'), host)]));
		const reader = { ...platform, config: { ...platform.config, ewpRegistryUrl: `file://${file}` } };
		expect(await refreshRegistry(reader)).toEqual({ changed: true, error: null });
		expect(await registryStatus(ctx, inst.id)).toMatchObject({ lastError: null, hosts: 1, heis: 1 });
		fs.writeFileSync(file, '<catalogue xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-registry/tree/stable-v1"/>');
		const broken = await refreshRegistry(reader);
		expect(broken.error).toContain('schema');
		expect(await registryStatus(ctx, inst.id)).toMatchObject({ hosts: 1, heis: 1 });
		expect((await registryStatus(ctx, inst.id)).lastError).toContain('schema');
	});
});
