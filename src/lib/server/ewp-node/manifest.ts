import type { Platform } from '../platform/context';
import { discoveryEntry, manifestXml } from '../ewp/host-xml';
import { EWP_APIS } from './apis';
import { publishedHost, type PublishedHost } from './hosts.service';

/** Where a host's APIs are: ORIGIN/ewp/<hei-id>. */
export const hostBaseUrl = (platform: Platform, heiId: string) => `${platform.config.origin}/ewp/${encodeURIComponent(heiId)}`;

export function manifestOf(platform: Platform, host: PublishedHost): string {
	const base = hostBaseUrl(platform, host.heiId);
	const english = host.names.find((n) => n.lang === 'en')?.text ?? host.names[0]?.text ?? host.heiId;
	return manifestXml({
		adminEmail: host.adminEmail,
		provider: `${english} (WELCOME platform)`,
		hei: { id: host.heiId, erasmusCode: host.erasmusCode, names: host.names },
		apis: [discoveryEntry(`${base}/manifest.xml`), ...EWP_APIS.map((api) => api.entry(`${base}/${api.path}`, host))],
		clientKeys: host.clientKeys.map((k) => k.publicKey),
		serverKeys: host.serverKeys.map((k) => k.publicKey)
	});
}

/** The Discovery manifest of a hei-id's host; null when no institution here has EWP on for it. */
export async function manifestFor(platform: Platform, heiId: string): Promise<string | null> {
	const host = await publishedHost(platform, heiId);
	return host ? manifestOf(platform, host) : null;
}
