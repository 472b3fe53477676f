import type { Platform } from '../platform/context';
import { echoEntry, echoResponseXml } from '../ewp/host-xml';
import type { XmlElement } from '../ewp/xml';
import type { PublishedHost } from './hosts.service';

/** A request that passed authentication, as an API sees it. */
export interface EwpCall {
	host: PublishedHost;
	/** The HEIs the caller's key speaks for (registry). */
	callerHeis: string[];
	/** The query (GET) or the form body (POST). */
	params: URLSearchParams;
}

export type EwpAnswer = { status: 200; xml: string } | { status: 400 | 403 | 404; developerMessage: string };

/**
 * An API the host serves: where (under /ewp/<hei-id>/), its manifest entry, and its answer.
 * Adding an API is one of these and a serializer for its response.
 */
export interface EwpApi {
	/** Path under the host, e.g. `echo`, `iias/get`. */
	path: string;
	entry(url: string, host: PublishedHost): XmlElement;
	handle(platform: Platform, call: EwpCall): Promise<EwpAnswer>;
}

/** Echo (v2): the caller's HEIs and its `echo` values, to test the security set-up end to end. */
const echo: EwpApi = {
	path: 'echo',
	entry: (url, host) => echoEntry(url, host.adminEmail),
	handle: async (_platform, call) => ({ status: 200, xml: echoResponseXml(call.callerHeis, call.params.getAll('echo')) })
};

export const EWP_APIS: readonly EwpApi[] = [echo];
