import { el, serializeXml, type XmlElement } from './xml';

/** The namespaces of the documents an EWP host serves about itself. */
export const NS = {
	manifest: 'https://github.com/erasmus-without-paper/ewp-specs-api-discovery/tree/stable-v6',
	registry: 'https://github.com/erasmus-without-paper/ewp-specs-api-registry/tree/stable-v1',
	common: 'https://github.com/erasmus-without-paper/ewp-specs-architecture/blob/stable-v1/common-types.xsd',
	secIntro: 'https://github.com/erasmus-without-paper/ewp-specs-sec-intro/tree/stable-v2',
	cliauthHttpsig: 'https://github.com/erasmus-without-paper/ewp-specs-sec-cliauth-httpsig/tree/stable-v1',
	srvauthHttpsig: 'https://github.com/erasmus-without-paper/ewp-specs-sec-srvauth-httpsig/tree/stable-v1',
	srvauthTlscert: 'https://github.com/erasmus-without-paper/ewp-specs-sec-srvauth-tlscert/tree/stable-v1',
	discoveryEntry: 'https://github.com/erasmus-without-paper/ewp-specs-api-discovery/blob/stable-v6/manifest-entry.xsd',
	echoEntry: 'https://github.com/erasmus-without-paper/ewp-specs-api-echo/blob/stable-v2/manifest-entry.xsd',
	echoResponse: 'https://github.com/erasmus-without-paper/ewp-specs-api-echo/tree/stable-v2'
} as const;

/**
 * The security an API entry declares (sec-intro's HttpSecurityOptions): clients sign requests
 * with HTTP Signatures; servers sign responses (and TLS, which every client can rely on).
 */
export function httpSecurity(ns: string): XmlElement {
	return el(ns, 'http-security', [
		el(NS.secIntro, 'client-auth-methods', [el(NS.cliauthHttpsig, 'httpsig')]),
		el(NS.secIntro, 'server-auth-methods', [el(NS.srvauthTlscert, 'tlscert'), el(NS.srvauthHttpsig, 'httpsig')])
	]);
}

export interface ManifestHost {
	adminEmail: string;
	/** "Provider (System)", in English. */
	provider: string;
	hei: { id: string; erasmusCode?: string | null; names: { lang: string; text: string }[] };
	/** Each API's `apis-implemented` entry. */
	apis: XmlElement[];
	/** Base64 DER of each published key. */
	clientKeys: string[];
	serverKeys: string[];
}

/** A Discovery manifest (v6): one host covering one HEI, as the network has required since 5.1. */
export function manifestXml(host: ManifestHost): string {
	const hei = el(NS.registry, 'hei', [host.hei.erasmusCode ? el(NS.registry, 'other-id', [host.hei.erasmusCode], { type: 'erasmus' }) : null, ...host.hei.names.map((n) => el(NS.registry, 'name', [n.text], { 'xml:lang': n.lang }))], { id: host.hei.id });
	const root = el(NS.manifest, 'manifest', [
		el(NS.manifest, 'host', [
			el(NS.common, 'admin-email', [host.adminEmail]),
			el(NS.common, 'admin-provider', [host.provider]),
			el(NS.registry, 'apis-implemented', host.apis),
			el(NS.manifest, 'institutions-covered', [hei]),
			el(NS.manifest, 'client-credentials-in-use', host.clientKeys.map((k) => el(NS.manifest, 'rsa-public-key', [k]))),
			el(NS.manifest, 'server-credentials-in-use', host.serverKeys.map((k) => el(NS.manifest, 'rsa-public-key', [k])))
		])
	]);
	return serializeXml(root, prefixesFor(root, { [NS.manifest]: '', [NS.registry]: 'r', [NS.common]: 'ewp', [NS.secIntro]: 'sec' }));
}

/** The Echo API's answer: the HEIs the caller covers and the echo values it sent. */
export function echoResponseXml(heiIds: string[], echoes: string[]): string {
	const root = el(NS.echoResponse, 'response', [...heiIds.map((h) => el(NS.echoResponse, 'hei-id', [h])), ...echoes.map((e) => el(NS.echoResponse, 'echo', [e]))]);
	return serializeXml(root, { [NS.echoResponse]: '' });
}

/** The EWP error response, with a message for the caller's developers. */
export function errorResponseXml(developerMessage: string): string {
	const root = el(NS.common, 'error-response', [el(NS.common, 'developer-message', [developerMessage])]);
	return serializeXml(root, { [NS.common]: '' });
}

/**
 * Prefixes for every namespace in a tree: the ones given, then ns1, ns2, … for the rest (an
 * API entry's own namespace, a security method's).
 */
export function prefixesFor(root: XmlElement, known: Record<string, string>): Record<string, string> {
	const prefixes = { ...known };
	let n = 0;
	const walk = (e: XmlElement) => {
		if (e.ns && prefixes[e.ns] === undefined) prefixes[e.ns] = `ns${++n}`;
		for (const c of e.children) if (typeof c !== 'string') walk(c);
	};
	walk(root);
	return prefixes;
}

/** The Echo API's manifest entry (v2). */
export function echoEntry(url: string, adminEmail?: string): XmlElement {
	return el(NS.echoEntry, 'echo', [adminEmail ? el(NS.common, 'admin-email', [adminEmail]) : null, httpSecurity(NS.echoEntry), el(NS.echoEntry, 'url', [url])], { version: '2.0.1' });
}

/** The Discovery API's own entry: where the manifest is. */
export function discoveryEntry(url: string): XmlElement {
	return el(NS.discoveryEntry, 'discovery', [el(NS.discoveryEntry, 'url', [url])], { version: '6.0.0' });
}
