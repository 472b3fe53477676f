import { createVerify, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestHeader, parseSignatureParams, publicKeyFromBase64, signingString, signRequest, signResponse, verifyRequest, verifyResponse } from './httpsig';
import { generateRsaKeyPair } from './keys';

const client = generateRsaKeyPair();
const server = generateRsaKeyPair();
const stranger = generateRsaKeyPair();
const now = new Date('2026-12-05T10:00:00Z');
const url = new URL('https://welcome.example/ewp/enu.kz/echo');
const body = new TextEncoder().encode('echo=a&echo=b');
const requestId = 'dc05b425-4e86-4106-8dde-1257fccf53e5';
const known: Record<string, KeyObject> = { [client.fingerprint]: publicKeyFromBase64(client.publicKey), [server.fingerprint]: publicKeyFromBase64(server.publicKey) };
const publicKeyOf = (keyId: string) => known[keyId] ?? null;

const signed = (overrides: { key?: typeof client; at?: Date } = {}) =>
	signRequest({ method: 'POST', url, body, key: { keyId: (overrides.key ?? client).fingerprint, privateKey: (overrides.key ?? client).privateKey }, now: overrides.at ?? now, requestId, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const check = (headers: Record<string, string>, changes: { body?: Uint8Array; at?: Date; method?: string; url?: URL } = {}) =>
	verifyRequest({ method: changes.method ?? 'POST', url: changes.url ?? url, headers, body: changes.body ?? body, expectedHost: 'welcome.example', now: changes.at ?? now, publicKeyOf });

describe('HTTP Signature client authentication (sec-cliauth-httpsig)', () => {
	it('accepts a request signed with a registered key and gives only the signed headers to the API', () => {
		const headers = signed();
		expect(headers.authorization).toMatch(/^Signature keyId="[0-9a-f]{64}",algorithm="rsa-sha256",headers="\(request-target\) host date digest x-request-id",signature="/);
		expect(headers.digest).toBe(digestHeader('echo=a&echo=b'));
		const result = check({ ...headers, 'x-forwarded-for': 'attacker' });
		expect(result).toMatchObject({ ok: true, keyId: client.fingerprint, requestId });
		expect(result.ok && Object.keys(result.signedHeaders).sort()).toEqual(['date', 'digest', 'host', 'x-request-id']);
	});

	it('follows the signing string of draft-cavage-07: (request-target) in lower case with the query', () => {
		const text = signingString(['(request-target)', 'host', 'date'], { Host: 'a.example', Date: 'Sat, 05 Dec 2026 10:00:00 GMT' }, 'get /ewp/x?echo=1');
		expect(text).toBe('(request-target): get /ewp/x?echo=1\nhost: a.example\ndate: Sat, 05 Dec 2026 10:00:00 GMT');
		const headers = signed();
		const params = parseSignatureParams(headers.authorization!.slice('Signature '.length))!;
		const expected = `(request-target): post /ewp/enu.kz/echo\nhost: welcome.example\ndate: ${now.toUTCString()}\ndigest: ${headers.digest}\nx-request-id: ${requestId}`;
		expect(createVerify('RSA-SHA256').update(expected).verify(publicKeyFromBase64(client.publicKey), params.signature, 'base64')).toBe(true);
	});

	it('refuses a body changed after signing (400), as the specs prescribe', () => {
		expect(check(signed(), { body: new TextEncoder().encode('echo=a&echo=c') })).toMatchObject({ ok: false, status: 400, reason: 'the Digest does not match the body' });
	});

	it('refuses a digest changed to match a changed body: the signature no longer verifies', () => {
		const tampered = { ...signed(), digest: digestHeader('echo=evil') };
		expect(check(tampered, { body: new TextEncoder().encode('echo=evil') })).toMatchObject({ ok: false, status: 400, reason: 'the signature does not verify' });
	});

	it('refuses a request for another path or method than the one signed', () => {
		expect(check(signed(), { url: new URL('https://welcome.example/ewp/upc.edu/echo') })).toMatchObject({ ok: false, status: 400 });
		expect(check(signed(), { method: 'GET' })).toMatchObject({ ok: false, status: 400 });
	});

	it('refuses a key the registry does not list (403)', () => {
		expect(check(signed({ key: stranger }))).toMatchObject({ ok: false, status: 403 });
	});

	it('refuses an unsigned request with 401, and an unreadable Authorization with 400', () => {
		expect(check({ host: 'welcome.example' })).toMatchObject({ ok: false, status: 401 });
		expect(check({ host: 'welcome.example', authorization: 'Signature keyId=nope' })).toMatchObject({ ok: false, status: 400 });
		expect(check({ ...signed(), authorization: signed().authorization!.replace('rsa-sha256', 'hmac-sha256') })).toMatchObject({ ok: false, status: 401 });
		expect(check({ ...signed(), authorization: signed().authorization!.replace(' digest', '') })).toMatchObject({ ok: false, status: 401, reason: 'the signature must cover digest' });
	});

	it('refuses a date more than five minutes away and a request id that is not a UUID', () => {
		expect(check(signed({ at: new Date(now.getTime() - 6 * 60_000) }))).toMatchObject({ ok: false, status: 400, reason: 'the date header is more than 5 minutes from our clock' });
		expect(check(signed({ at: new Date(now.getTime() - 4 * 60_000) }))).toMatchObject({ ok: true });
		expect(check({ ...signed(), 'x-request-id': 'not-a-uuid' })).toMatchObject({ ok: false, status: 400 });
	});

	it('refuses another host than ours', () => {
		const headers = signRequest({ method: 'POST', url: new URL('https://other.example/ewp/enu.kz/echo'), body, key: { keyId: client.fingerprint, privateKey: client.privateKey }, now, requestId });
		expect(check(headers, { url: new URL('https://other.example/ewp/enu.kz/echo') })).toMatchObject({ ok: false, status: 400, reason: 'the Host header is not welcome.example' });
	});
});

describe('HTTP Signature server authentication (sec-srvauth-httpsig)', () => {
	const xml = '<response/>';
	const answer = () => signResponse({ body: xml, key: { keyId: server.fingerprint, privateKey: server.privateKey }, now, requestId, requestSignature: 'abc' });
	const read = (headers: Record<string, string>, changes: { body?: string; requestId?: string } = {}) =>
		verifyResponse({ headers, body: new TextEncoder().encode(changes.body ?? xml), now, requestId: changes.requestId ?? requestId, requestSignature: 'abc', publicKeyOf });

	it('signs date, digest, x-request-id and x-request-signature, and the client accepts it', () => {
		const headers = answer();
		expect(headers.signature).toMatch(/headers="date digest x-request-id x-request-signature"/);
		expect(read(headers)).toEqual({ ok: true, keyId: server.fingerprint });
	});

	it('lets the client refuse a changed body, another request id, or a key not the server’s', () => {
		expect(read(answer(), { body: '<response><echo>x</echo></response>' })).toMatchObject({ ok: false });
		expect(read(answer(), { requestId: '11111111-2222-4333-8444-555555555555' })).toMatchObject({ ok: false });
		const byStranger = signResponse({ body: xml, key: { keyId: stranger.fingerprint, privateKey: stranger.privateKey }, now, requestId, requestSignature: 'abc' });
		expect(read(byStranger)).toMatchObject({ ok: false, reason: 'the response is signed with a key the registry does not give this server' });
		expect(read({ date: now.toUTCString() })).toMatchObject({ ok: false, reason: 'the response is not signed' });
	});
});
