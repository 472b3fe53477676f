import type { KeyObject } from 'node:crypto';
import type { Platform } from '../platform/context';
import { isUuid } from '../platform/validation';
import { heisOfClientKey, isClientKey, type Catalogue } from '../ewp/catalogue';
import { errorResponseXml } from '../ewp/host-xml';
import { publicKeyFromBase64, signResponse, verifyRequest } from '../ewp/httpsig';
import { EWP_APIS, type EwpAnswer } from './apis';
import { ewpLog, ewpNonce } from './ewp-node.tables';
import { publishedHost, type PublishedHost } from './hosts.service';
import { currentCatalogue } from './registry.service';

/** The largest request body read: EWP requests are a few ids or a short form. */
export const MAX_EWP_BODY_BYTES = 1024 * 1024;

export interface EwpRequest {
	heiId: string;
	/** The API's path under the host, e.g. `echo`. */
	path: string;
	method: string;
	url: URL;
	headers: Record<string, string>;
	body: Uint8Array;
}

export interface EwpResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

const keyCache = new Map<string, KeyObject>();
function clientKeyLookup(catalogue: Catalogue | null) {
	return (keyId: string) => {
		const base64 = catalogue && isClientKey(catalogue, keyId) ? catalogue.keys.get(keyId) : undefined;
		if (!base64) return null;
		let key = keyCache.get(base64);
		if (!key) {
			try {
				key = publicKeyFromBase64(base64);
			} catch {
				return null;
			}
			if (keyCache.size > 5000) keyCache.clear();
			keyCache.set(base64, key);
		}
		return key;
	};
}

/**
 * Answers a request to one of our hosts' APIs as the specs prescribe: unknown host or API 404;
 * a method other than GET/POST 405; HTTP Signature checks (400/401/403, sec-cliauth-httpsig);
 * a request id seen before 400 (replay); a POST that is not a form 415; then the API. Every
 * answer from a known host is signed (sec-srvauth-httpsig) and logged; refusals change nothing.
 */
export async function answerEwpRequest(platform: Platform, request: EwpRequest): Promise<EwpResponse> {
	const host = await publishedHost(platform, request.heiId);
	if (!host) return unsigned(404, 'No EWP host here covers this hei-id.');
	const api = EWP_APIS.find((a) => a.path === request.path);
	const name = api?.path ?? request.path.slice(0, 60);
	let party: string | null = null;
	// The response repeats the request's id (when it is one) even when the request is refused.
	const claimedId = Object.entries(request.headers).find(([k]) => k.toLowerCase() === 'x-request-id')?.[1];
	const requestId = claimedId && isUuid(claimedId) ? claimedId : undefined;
	const finish = async (status: number, body: string, message: string | null, extra: Record<string, string> = {}, auth?: { requestId: string; signature: string }) => {
		await platform.db.insert(ewpLog).values({ institutionId: host.institutionId, direction: 'in', api: name, party, status, message: message?.slice(0, 500) ?? null, requestId: auth?.requestId ?? requestId ?? null });
		return signed(platform, host, status, body, extra, auth ?? (requestId ? { requestId } : undefined));
	};
	if (!api) return finish(404, errorResponseXml(`This host serves no API at ${request.path}.`), 'unknown API');
	if (request.method !== 'GET' && request.method !== 'POST') return finish(405, errorResponseXml('Use GET or POST.'), `method ${request.method}`, { allow: 'GET, POST' });

	const catalogue = await currentCatalogue(platform);
	const check = verifyRequest({
		method: request.method,
		url: request.url,
		headers: request.headers,
		body: request.body,
		expectedHost: new URL(platform.config.origin).host,
		now: platform.clock.now(),
		publicKeyOf: clientKeyLookup(catalogue)
	});
	if (!check.ok) {
		const reason = check.status === 403 && !catalogue ? `${check.reason} (this host has not read the registry yet)` : check.reason;
		const challenge: Record<string, string> = check.status === 401 ? { 'www-authenticate': 'Signature realm="EWP"', 'want-digest': 'SHA-256' } : {};
		return finish(check.status, errorResponseXml(`${reason}.`), reason, challenge);
	}
	const callerHeis = heisOfClientKey(catalogue!, check.keyId);
	party = callerHeis.join(' ') || check.keyId;
	const auth = { requestId: check.requestId, signature: check.signature };
	const fresh = await platform.db.insert(ewpNonce).values({ keyId: check.keyId, requestId: check.requestId }).onConflictDoNothing().returning({ keyId: ewpNonce.keyId });
	if (!fresh.length) return finish(400, errorResponseXml('This X-Request-Id was used before: a replayed request is refused.'), 'replayed request', {}, auth);

	let params: URLSearchParams;
	if (request.method === 'POST') {
		const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
		if (type !== 'application/x-www-form-urlencoded') return finish(415, errorResponseXml('POST parameters must be application/x-www-form-urlencoded.'), `content type ${type}`, {}, auth);
		params = new URLSearchParams(new TextDecoder().decode(request.body));
	} else params = request.url.searchParams;

	let answer: EwpAnswer;
	try {
		answer = await api.handle(platform, { host, callerHeis, params });
	} catch (error) {
		platform.logger.error('EWP API failed', { api: name, error });
		return finish(500, errorResponseXml('The server could not answer; try again later.'), 'server error', {}, auth);
	}
	if (answer.status !== 200) return finish(answer.status, errorResponseXml(answer.developerMessage), answer.developerMessage, {}, auth);
	return finish(200, answer.xml, null, {}, auth);
}

const XML = { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'no-store' };

function unsigned(status: number, message: string): EwpResponse {
	return { status, headers: { ...XML }, body: errorResponseXml(message) };
}

function signed(platform: Platform, host: PublishedHost, status: number, body: string, extra: Record<string, string>, auth?: { requestId: string; signature?: string }): EwpResponse {
	const key = host.serverKeys[0];
	const signature = key ? signResponse({ body, key: { keyId: key.fingerprint, privateKey: key.privateKey }, now: platform.clock.now(), requestId: auth?.requestId, requestSignature: auth?.signature }) : {};
	return { status, headers: { ...XML, ...extra, ...signature }, body };
}
