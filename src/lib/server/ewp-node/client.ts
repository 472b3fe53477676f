import { randomUUID } from 'node:crypto';
import type { Platform } from '../platform/context';
import { apiOf, type Catalogue } from '../ewp/catalogue';
import { publicKeyFromBase64, signRequest, verifyResponse } from '../ewp/httpsig';
import { childElement, parseXml, textOf, type XmlElement } from '../ewp/xml';
import { ewpLog } from './ewp-node.tables';
import type { PublishedHost } from './hosts.service';
import { currentCatalogue } from './registry.service';

/** An API of a partner's host as the catalogue names it. */
export interface PartnerApi {
	/** Its manifest entry's namespace and element, and the major version we speak. */
	entryNs: string;
	name: string;
	major: number;
	/** The entry's child holding the URL to call (`url`, `get-url`, …). */
	urlElement: string;
	/** For the log: e.g. `echo`. */
	label: string;
}

export type PartnerAnswer =
	| { ok: true; status: number; xml: string; root: XmlElement }
	| { ok: false; reason: string; status: number | null };

const TIMEOUT_MS = 20_000;
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/**
 * Calls a partner HEI's API from one of our hosts: found in the catalogue, signed with our client
 * key (sec-cliauth-httpsig), its response's signature checked against the keys the registry gives
 * that host (sec-srvauth-httpsig). Never throws for the partner's faults (down, slow, unsigned,
 * not XML): the answer says why, and the call is logged.
 */
export async function callPartner(platform: Platform, host: PublishedHost, partnerHeiId: string, api: PartnerApi, params: [string, string][]): Promise<PartnerAnswer> {
	const requestId = randomUUID();
	const log = async (status: number | null, message: string | null) => {
		await platform.db.insert(ewpLog).values({ institutionId: host.institutionId, direction: 'out', api: api.label, party: partnerHeiId, status: status ?? 0, message: message?.slice(0, 500) ?? null, requestId });
	};
	const fail = async (reason: string, status: number | null = null): Promise<PartnerAnswer> => {
		await log(status, reason);
		return { ok: false, reason, status };
	};
	const catalogue = await currentCatalogue(platform);
	if (!catalogue) return fail('the registry catalogue has not been read yet');
	const found = apiOf(catalogue, partnerHeiId, api.entryNs, api.name, api.major);
	if (!found) return fail(`the registry lists no ${api.label} API (v${api.major}) for ${partnerHeiId}`);
	const urlText = textOf(childElement(found.entry, api.urlElement)).trim();
	let url: URL;
	try {
		url = new URL(urlText);
	} catch {
		return fail(`the registry gives no usable URL for ${partnerHeiId}'s ${api.label} API`);
	}
	const key = host.clientKeys[0];
	if (!key) return fail('this host has no client key');
	const body = new URLSearchParams(params).toString();
	const headers = signRequest({ method: 'POST', url, body, key: { keyId: key.fingerprint, privateKey: key.privateKey }, now: platform.clock.now(), requestId, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
	const requestSignature = /signature="([^"]*)"/.exec(headers.authorization!)![1]!;

	let response: Response;
	let bytes: Uint8Array;
	try {
		response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
		bytes = await readLimited(response);
	} catch (error) {
		const name = (error as Error).name;
		return fail(name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : `cannot reach ${url.host}: ${(error as Error).message}`);
	}
	const check = verifyResponse({
		headers: Object.fromEntries(response.headers.entries()),
		body: bytes,
		now: platform.clock.now(),
		requestId,
		requestSignature,
		publicKeyOf: serverKeyLookup(catalogue, found.host.serverKeyIds)
	});
	if (!check.ok) return fail(check.reason, response.status);
	const xml = new TextDecoder().decode(bytes);
	let root: XmlElement;
	try {
		root = parseXml(xml);
	} catch {
		return fail('the answer is not XML', response.status);
	}
	if (response.status !== 200) return fail(`HTTP ${response.status}: ${textOf(childElement(root, 'developer-message')).trim() || 'no message'}`, response.status);
	await log(response.status, null);
	return { ok: true, status: response.status, xml, root };
}

function serverKeyLookup(catalogue: Catalogue, allowed: string[]) {
	return (keyId: string) => {
		const base64 = allowed.includes(keyId) ? catalogue.keys.get(keyId) : undefined;
		if (!base64) return null;
		try {
			return publicKeyFromBase64(base64);
		} catch {
			return null;
		}
	};
}

async function readLimited(response: Response): Promise<Uint8Array> {
	const reader = response.body?.getReader();
	if (!reader) return new Uint8Array();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > MAX_RESPONSE_BYTES) {
			await reader.cancel();
			throw new Error('the answer is larger than 5 MB');
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks);
}
