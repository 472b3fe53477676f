import { eq } from 'drizzle-orm';
import type { Platform } from '../platform/context';
import { institutionDirectory } from '../institutions/institutions.views';
import { directoryEntriesByHeiId } from '../partners/partners.service';
import { echoEntry, echoResponseXml } from '../ewp/host-xml';
import { institutionsEntry, institutionsResponseXml, MAX_HEI_IDS, MAX_OUNIT_IDS, ounitsEntry, ounitsResponseXml, type EwpContact, type EwpInstitution, type LangText } from '../ewp/institutions-xml';
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

const texts = (localized: Record<string, string | undefined>): LangText[] =>
	Object.entries(localized)
		.filter((e): e is [string, string] => !!e[1]?.trim())
		.map(([lang, text]) => ({ lang, text }));

type DirectoryEntry = Awaited<ReturnType<typeof directoryEntriesByHeiId>>[number];
const contactsOf = (entry: DirectoryEntry | undefined, unitId: string | null): EwpContact[] =>
	(entry?.contacts ?? []).filter((c) => c.unitId === unitId).map((c) => ({ name: c.name, email: c.email, phone: c.phone, roles: c.roles.map((r) => r.replaceAll('_', ' ')) }));

/**
 * Institutions (2.x): the HEI this host covers in full (names, place, website, its public profile,
 * the contacts and units of its own directory entry); partners it refers to in its agreements by
 * name and codes, as the spec recommends; unknown hei-ids ignored.
 */
const institutions: EwpApi = {
	path: 'institutions',
	entry: (url, host) => institutionsEntry(url, host.adminEmail),
	async handle(platform, call) {
		const ids = [...new Set(call.params.getAll('hei_id').map((h) => h.trim().toLowerCase()))];
		if (!ids.length) return { status: 400, developerMessage: 'hei_id is required.' };
		if (ids.length > MAX_HEI_IDS) return { status: 400, developerMessage: `At most ${MAX_HEI_IDS} hei_id values.` };
		const entries = await directoryEntriesByHeiId(platform, call.host.institutionId, ids);
		const byHei = new Map(entries.map((e) => [e.partner.heiId, e]));
		const heis: EwpInstitution[] = [];
		for (const id of ids) {
			if (id === call.host.heiId) {
				const [profile] = await platform.db.select().from(institutionDirectory).where(eq(institutionDirectory.id, call.host.institutionId));
				const own = byHei.get(id);
				heis.push({
					heiId: id,
					erasmusCode: call.host.erasmusCode,
					names: call.host.names,
					abbreviation: profile?.shortName,
					city: profile ? (profile.city.en ?? Object.values(profile.city).find(Boolean) ?? null) : null,
					countryCode: profile?.countryCode ?? null,
					websites: profile?.website ? [{ lang: 'en', text: profile.website }] : [],
					factsheetUrls: profile ? (['en', 'ru', 'kk', 'zh'] as const).map((lang) => ({ lang, text: `${platform.config.origin}/${lang}/institutions/${profile.slug}` })) : [],
					contacts: contactsOf(own, null),
					ounitIds: (own?.units ?? []).map((u) => u.ounitId)
				});
			} else {
				const known = byHei.get(id);
				if (known) heis.push({ heiId: id, erasmusCode: known.partner.erasmusCode, names: texts(known.partner.name) });
			}
		}
		return { status: 200, xml: institutionsResponseXml(heis.filter((h) => h.names.length)) };
	}
};

/** Organizational Units (2.x): the units of the institution's own directory entry, by ounit-id or code. */
const ounits: EwpApi = {
	path: 'ounits',
	entry: (url, host) => ounitsEntry(url, host.adminEmail),
	async handle(platform, call) {
		const heiId = call.params.get('hei_id')?.trim().toLowerCase();
		if (!heiId || heiId !== call.host.heiId) return { status: 400, developerMessage: `This host covers ${call.host.heiId} only.` };
		const ids = call.params.getAll('ounit_id');
		const codes = call.params.getAll('ounit_code');
		if (ids.length && codes.length) return { status: 400, developerMessage: 'Give ounit_id or ounit_code, not both.' };
		if (!ids.length && !codes.length) return { status: 400, developerMessage: 'ounit_id or ounit_code is required.' };
		if (ids.length > MAX_OUNIT_IDS || codes.length > MAX_OUNIT_IDS) return { status: 400, developerMessage: `At most ${MAX_OUNIT_IDS} values.` };
		const [own] = await directoryEntriesByHeiId(platform, call.host.institutionId, [heiId]);
		const units = (own?.units ?? []).filter((u) => (ids.length ? ids.includes(u.ounitId) : codes.includes(u.code ?? u.ounitId)));
		return { status: 200, xml: ounitsResponseXml(units.map((u) => ({ ounitId: u.ounitId, code: u.code ?? u.ounitId, names: texts(u.name), contacts: contactsOf(own, u.id) })).filter((u) => u.names.length)) };
	}
};

export const EWP_APIS: readonly EwpApi[] = [echo, institutions, ounits];
