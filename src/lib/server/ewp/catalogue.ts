import { keyFingerprint } from './httpsig';
import { NS, prefixesFor } from './host-xml';
import { attributeOf, childElement, childElements, el, parseXml, serializeXml, textOf, type XmlElement } from './xml';

/**
 * The registry's catalogue (ewp-specs-api-registry), read into what a host asks of it: which
 * hosts a client key speaks for and which HEIs those cover; at which URL and version a HEI's
 * API is served, and which keys may sign that server's responses.
 */
export interface CatalogueHost {
	heiIds: string[];
	apis: XmlElement[];
	clientKeyIds: string[];
	serverKeyIds: string[];
}
export interface Catalogue {
	hosts: CatalogueHost[];
	heis: Map<string, { names: { lang: string | null; text: string }[]; erasmusCode: string | null }>;
	/** keyId (SHA-256 hex) → base64 DER. */
	keys: Map<string, string>;
}

const base64Key = (text: string) => text.replace(/\s+/g, '');

export function readCatalogue(xml: string): Catalogue {
	const root = parseXml(xml);
	if (root.name !== 'catalogue' || root.ns !== NS.registry) throw new Error('not an EWP registry catalogue');
	const keyIds = (parent: XmlElement | undefined) => (parent ? childElements(parent, 'rsa-public-key').map((k) => (attributeOf(k, 'sha-256') ?? '').toLowerCase()) : []);
	const hosts = childElements(root, 'host').map((host) => ({
		heiIds: childElements(childElement(host, 'institutions-covered') ?? host, 'hei-id').map((h) => textOf(h).trim()),
		apis: childElements(childElement(host, 'apis-implemented') ?? el('', 'none')),
		clientKeyIds: keyIds(childElement(host, 'client-credentials-in-use')),
		serverKeyIds: keyIds(childElement(host, 'server-credentials-in-use'))
	}));
	const heis: Catalogue['heis'] = new Map();
	for (const hei of childElements(childElement(root, 'institutions') ?? el('', 'none'), 'hei')) {
		heis.set(attributeOf(hei, 'id') ?? '', {
			names: childElements(hei, 'name').map((n) => ({ lang: n.attributes.find((a) => a.name === 'lang')?.value ?? null, text: textOf(n).trim() })),
			erasmusCode: childElements(hei, 'other-id').find((o) => attributeOf(o, 'type') === 'erasmus')?.children.join('').trim() ?? null
		});
	}
	const keys = new Map<string, string>();
	for (const key of childElements(childElement(root, 'binaries') ?? el('', 'none'), 'rsa-public-key')) keys.set((attributeOf(key, 'sha-256') ?? '').toLowerCase(), base64Key(textOf(key)));
	return { hosts, heis, keys };
}

/** The HEIs a client key may speak for (registry question 4); empty when the key is unknown. */
export function heisOfClientKey(catalogue: Catalogue, keyId: string): string[] {
	return [...new Set(catalogue.hosts.filter((h) => h.clientKeyIds.includes(keyId)).flatMap((h) => h.heiIds))];
}

/** Whether a key is anyone's client key (it may then sign requests, for the HEIs above). */
export const isClientKey = (catalogue: Catalogue, keyId: string) => catalogue.hosts.some((h) => h.clientKeyIds.includes(keyId));

const versionParts = (v: string) => v.split('.').map((p) => Number(p) || 0);
const newer = (a: string, b: string) => {
	const [x, y] = [versionParts(a), versionParts(b)];
	for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
	return false;
};

/**
 * A HEI's entry for an API (registry question 1): the element in `entryNs` named `name` with the
 * highest version of the given major, and its host (for the keys that may sign its answers).
 */
export function apiOf(catalogue: Catalogue, heiId: string, entryNs: string, name: string, major: number): { entry: XmlElement; host: CatalogueHost; version: string } | null {
	let best: { entry: XmlElement; host: CatalogueHost; version: string } | null = null;
	for (const host of catalogue.hosts) {
		if (!host.heiIds.includes(heiId)) continue;
		for (const entry of host.apis) {
			const version = attributeOf(entry, 'version') ?? '';
			if (entry.ns !== entryNs || entry.name !== name || versionParts(version)[0] !== major) continue;
			if (!best || newer(version, best.version)) best = { entry, host, version };
		}
	}
	return best;
}

/**
 * A catalogue made from manifests, as the registry makes it: for development and tests, so
 * local servers find each other (`npm run ewp:catalogue`).
 */
export function catalogueFromManifests(manifests: string[]): string {
	const hosts: XmlElement[] = [];
	const institutions = new Map<string, XmlElement>();
	const binaries = new Map<string, string>();
	const credentials = (host: XmlElement, name: string) =>
		childElements(childElement(host, name) ?? el('', 'none'), 'rsa-public-key').map((k) => {
			const base64 = base64Key(textOf(k));
			const sha = keyFingerprint(Buffer.from(base64, 'base64'));
			binaries.set(sha, base64);
			return el(NS.registry, 'rsa-public-key', [], { 'sha-256': sha });
		});
	for (const xml of manifests) {
		const manifest = parseXml(xml);
		if (manifest.name !== 'manifest' || manifest.ns !== NS.manifest) throw new Error('not an EWP discovery manifest (v6)');
		for (const host of childElements(manifest, 'host')) {
			const heis = childElements(childElement(host, 'institutions-covered') ?? el('', 'none'), 'hei');
			for (const hei of heis) institutions.set(attributeOf(hei, 'id') ?? '', hei);
			hosts.push(
				el(NS.registry, 'host', [
					...childElements(host, 'admin-email'),
					childElement(host, 'admin-provider'),
					childElement(host, 'apis-implemented'),
					el(NS.registry, 'institutions-covered', heis.map((h) => el(NS.registry, 'hei-id', [attributeOf(h, 'id') ?? '']))),
					el(NS.registry, 'client-credentials-in-use', credentials(host, 'client-credentials-in-use')),
					el(NS.registry, 'server-credentials-in-use', credentials(host, 'server-credentials-in-use'))
				])
			);
		}
	}
	const root = el(NS.registry, 'catalogue', [
		...hosts,
		el(NS.registry, 'institutions', [...institutions.values()]),
		el(NS.registry, 'binaries', [...binaries].map(([sha, base64]) => el(NS.registry, 'rsa-public-key', [base64], { 'sha-256': sha })))
	]);
	return serializeXml(root, prefixesFor(root, { [NS.registry]: '', [NS.common]: 'ewp', [NS.secIntro]: 'sec' }));
}
