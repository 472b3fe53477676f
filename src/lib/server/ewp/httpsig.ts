import { createHash, createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto';

/**
 * HTTP Signatures as EWP uses them (draft-cavage-http-signatures-07, `rsa-sha256`, with the
 * `Digest` header of RFC 3230): requests signed by clients (sec-cliauth-httpsig) and responses
 * signed by servers (sec-srvauth-httpsig). No npm library implements this draft in EWP's
 * profile and keeps up; the signature itself is node:crypto's RSA-SHA256.
 *
 * These functions are pure: who owns a key and which nonces were seen is the caller's business.
 */

/** Headers a request's signature must cover (one of date/original-date as well). */
export const REQUEST_SIGNED_HEADERS = ['(request-target)', 'host', 'date', 'digest', 'x-request-id'];
/** The allowed clock difference either way (the specs' recommended minimum). */
export const MAX_SKEW_MS = 5 * 60_000;

export type Headers = Record<string, string>;

/** `SHA-256=<base64>` of the body. */
export function digestHeader(body: Uint8Array | string): string {
	return `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
}

/** The key's id in EWP: the lower-case hex SHA-256 of its DER (SubjectPublicKeyInfo) bytes. */
export function keyFingerprint(publicKeyDer: Uint8Array): string {
	return createHash('sha256').update(publicKeyDer).digest('hex');
}

/** A public key from the base64 DER a manifest or catalogue publishes. */
export function publicKeyFromBase64(base64: string): KeyObject {
	return createPublicKey({ key: Buffer.from(base64.replace(/\s+/g, ''), 'base64'), format: 'der', type: 'spki' });
}

export interface SignatureParams {
	keyId: string;
	algorithm: string;
	headers: string[];
	signature: string;
}

/**
 * Reads `keyId="…",algorithm="…",headers="…",signature="…"` (the value of a `Signature`
 * header, or of `Authorization` after `Signature `). Null when it is not that.
 */
export function parseSignatureParams(value: string): SignatureParams | null {
	if (value.length > 8192 || !/^\s*[a-zA-Z]+="[^"]*"(\s*,\s*[a-zA-Z]+="[^"]*")*\s*$/.test(value)) return null;
	const params: Record<string, string> = {};
	for (const match of value.matchAll(/([a-zA-Z]+)="([^"]*)"/g)) params[match[1]!] = match[2]!;
	if (!params.keyId || !params.signature) return null;
	return {
		keyId: params.keyId,
		algorithm: (params.algorithm ?? '').toLowerCase(),
		headers: (params.headers ?? 'date').toLowerCase().split(/\s+/).filter(Boolean),
		signature: params.signature
	};
}

const lower = (headers: Headers): Headers => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

/** The string signed: each covered header as `name: value`, one per line. Null when one is missing. */
export function signingString(covered: string[], headers: Headers, requestTarget?: string): string | null {
	const h = lower(headers);
	const lines: string[] = [];
	for (const name of covered) {
		if (name === '(request-target)') {
			if (requestTarget === undefined) return null;
			lines.push(`(request-target): ${requestTarget}`);
		} else {
			const value = h[name];
			if (value === undefined) return null;
			lines.push(`${name}: ${value.trim()}`);
		}
	}
	return lines.join('\n');
}

/** `post /ewp/enu.kz/echo?x=1`: the method in lower case and the path with its query. */
export const requestTarget = (method: string, url: URL) => `${method.toLowerCase()} ${url.pathname}${url.search}`;

function sign(text: string, privateKey: KeyObject | string): string {
	return createSign('RSA-SHA256').update(text).sign(privateKey, 'base64');
}

function verifies(text: string, signature: string, publicKey: KeyObject): boolean {
	try {
		return createVerify('RSA-SHA256').update(text).verify(publicKey, signature, 'base64');
	} catch {
		return false;
	}
}

export interface SigningKey {
	keyId: string;
	privateKey: KeyObject | string;
}

/**
 * The headers that sign a request: Date, X-Request-Id, Digest, Accept-Signature (so the server
 * signs its answer) and Authorization, over (request-target), host, date, digest, x-request-id.
 */
export function signRequest(input: { method: string; url: URL; body: Uint8Array | string; key: SigningKey; now: Date; requestId: string; headers?: Headers }): Headers {
	const headers: Headers = {
		...(input.headers ?? {}),
		host: input.url.host,
		date: input.now.toUTCString(),
		'x-request-id': input.requestId,
		digest: digestHeader(input.body),
		'accept-signature': 'rsa-sha256',
		'want-digest': 'SHA-256'
	};
	const covered = [...REQUEST_SIGNED_HEADERS];
	const text = signingString(covered, headers, requestTarget(input.method, input.url))!;
	headers.authorization = `Signature keyId="${input.key.keyId}",algorithm="rsa-sha256",headers="${covered.join(' ')}",signature="${sign(text, input.key.privateKey)}"`;
	return headers;
}

/** Why a request was refused, and the status the specs prescribe for it. */
export type RequestRefusal = { status: 400 | 401 | 403; reason: string };

export type RequestCheck =
	| { ok: true; keyId: string; signature: string; requestId: string; signedHeaders: Headers }
	| ({ ok: false } & RequestRefusal);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The SHA-256 value of a Digest header (which may list several algorithms). */
function sha256Of(digest: string | undefined): string | null {
	for (const part of (digest ?? '').split(',')) {
		const at = part.indexOf('=');
		if (at > 0 && part.slice(0, at).trim().toLowerCase() === 'sha-256') return part.slice(at + 1).trim();
	}
	return null;
}

function dateProblem(covered: string[], h: Headers, now: Date): string | null {
	const present = ['date', 'original-date'].filter((n) => h[n] !== undefined);
	if (!covered.includes('date') && !covered.includes('original-date')) return 'the signature must cover date or original-date';
	for (const name of present) {
		const at = Date.parse(h[name]!);
		if (Number.isNaN(at)) return `the ${name} header cannot be read`;
		if (Math.abs(at - now.getTime()) > MAX_SKEW_MS) return `the ${name} header is more than 5 minutes from our clock`;
	}
	return null;
}

/**
 * Checks a request as sec-cliauth-httpsig's server section lists, in its order: the method, the
 * host, the key (`publicKeyOf` answers null for a key the registry does not know: 403), the
 * dates, the X-Request-Id, the signature, the digest. The nonce (replay) check is the caller's,
 * after this succeeds. `signedHeaders` are the only headers an API may read.
 */
export function verifyRequest(input: { method: string; url: URL; headers: Headers; body: Uint8Array; expectedHost: string; now: Date; publicKeyOf: (keyId: string) => KeyObject | null }): RequestCheck {
	const h = lower(input.headers);
	const authorization = h.authorization ?? '';
	if (!/^signature\s/i.test(authorization)) return { ok: false, status: 401, reason: 'HTTP Signature client authentication is required (Authorization: Signature …)' };
	const params = parseSignatureParams(authorization.replace(/^signature\s+/i, ''));
	if (!params) return { ok: false, status: 400, reason: 'the Authorization header cannot be read' };
	if (params.algorithm !== 'rsa-sha256') return { ok: false, status: 401, reason: 'the algorithm must be rsa-sha256' };
	const missing = ['(request-target)', 'host', 'digest', 'x-request-id'].filter((n) => !params.headers.includes(n));
	if (missing.length) return { ok: false, status: 401, reason: `the signature must cover ${missing.join(', ')}` };
	if ((h.host ?? '').toLowerCase() !== input.expectedHost.toLowerCase()) return { ok: false, status: 400, reason: `the Host header is not ${input.expectedHost}` };
	const publicKey = input.publicKeyOf(params.keyId.toLowerCase());
	if (!publicKey) return { ok: false, status: 403, reason: 'the key is not one the registry lists as a client key' };
	const dates = dateProblem(params.headers, h, input.now);
	if (dates) return { ok: false, status: 400, reason: dates };
	const requestId = h['x-request-id'] ?? '';
	if (!UUID.test(requestId)) return { ok: false, status: 400, reason: 'X-Request-Id must be a UUID in canonical form' };
	const text = signingString(params.headers, h, requestTarget(input.method, input.url));
	if (text === null) return { ok: false, status: 400, reason: 'a header the signature covers is missing' };
	if (!verifies(text, params.signature, publicKey)) return { ok: false, status: 400, reason: 'the signature does not verify' };
	if (sha256Of(h.digest) !== createHash('sha256').update(input.body).digest('base64')) return { ok: false, status: 400, reason: 'the Digest does not match the body' };
	const signedHeaders = Object.fromEntries(params.headers.filter((n) => n !== '(request-target)').map((n) => [n, h[n]!]));
	return { ok: true, keyId: params.keyId.toLowerCase(), signature: params.signature, requestId, signedHeaders };
}

/**
 * The headers that sign a response (sec-srvauth-httpsig): Date, Digest, the request's
 * X-Request-Id and X-Request-Signature when there were ones, and Signature over them.
 */
export function signResponse(input: { body: Uint8Array | string; key: SigningKey; now: Date; requestId?: string; requestSignature?: string }): Headers {
	const headers: Headers = { date: input.now.toUTCString(), digest: digestHeader(input.body) };
	if (input.requestId) headers['x-request-id'] = input.requestId;
	if (input.requestSignature) headers['x-request-signature'] = input.requestSignature;
	const covered = Object.keys(headers);
	const text = signingString(covered, headers)!;
	headers.signature = `keyId="${input.key.keyId}",algorithm="rsa-sha256",headers="${covered.join(' ')}",signature="${sign(text, input.key.privateKey)}"`;
	return headers;
}

export type ResponseCheck = { ok: true; keyId: string } | { ok: false; reason: string };

/**
 * A client's check of a signed response: the signature's parameters, the X-Request-Id and
 * X-Request-Signature it must echo, the dates, the key (`publicKeyOf`: null when the registry
 * does not bind it to the API's host), the signature and the digest.
 */
export function verifyResponse(input: { headers: Headers; body: Uint8Array; now: Date; requestId: string; requestSignature?: string; publicKeyOf: (keyId: string) => KeyObject | null }): ResponseCheck {
	const h = lower(input.headers);
	const params = parseSignatureParams(h.signature ?? '');
	if (!params) return { ok: false, reason: 'the response is not signed' };
	if (params.algorithm !== 'rsa-sha256') return { ok: false, reason: 'the response signature is not rsa-sha256' };
	const needed = ['digest', 'x-request-id', ...(input.requestSignature ? ['x-request-signature'] : [])];
	const missing = needed.filter((n) => !params.headers.includes(n));
	if (missing.length) return { ok: false, reason: `the response signature must cover ${missing.join(', ')}` };
	if (h['x-request-id'] !== input.requestId) return { ok: false, reason: 'the response answers another request (X-Request-Id)' };
	if (input.requestSignature && h['x-request-signature'] !== input.requestSignature) return { ok: false, reason: 'the response answers another request (X-Request-Signature)' };
	const dates = dateProblem(params.headers, h, input.now);
	if (dates) return { ok: false, reason: `response: ${dates}` };
	const publicKey = input.publicKeyOf(params.keyId.toLowerCase());
	if (!publicKey) return { ok: false, reason: 'the response is signed with a key the registry does not give this server' };
	const text = signingString(params.headers, h);
	if (text === null || !verifies(text, params.signature, publicKey)) return { ok: false, reason: 'the response signature does not verify' };
	if (sha256Of(h.digest) !== createHash('sha256').update(input.body).digest('base64')) return { ok: false, reason: 'the response Digest does not match its body' };
	return { ok: true, keyId: params.keyId.toLowerCase() };
}
