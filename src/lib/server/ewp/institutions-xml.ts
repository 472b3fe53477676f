import { httpSecurity, NS as HOST_NS } from './host-xml';
import { el, serializeXml, type XmlElement } from './xml';

/** Namespaces of the Institutions (2.x) and Organizational Units (2.x) APIs and the types they use. */
export const NS = {
	institutions: 'https://github.com/erasmus-without-paper/ewp-specs-api-institutions/tree/stable-v2',
	institutionsEntry: 'https://github.com/erasmus-without-paper/ewp-specs-api-institutions/blob/stable-v2/manifest-entry.xsd',
	ounits: 'https://github.com/erasmus-without-paper/ewp-specs-api-ounits/tree/stable-v2',
	ounitsEntry: 'https://github.com/erasmus-without-paper/ewp-specs-api-ounits/blob/stable-v2/manifest-entry.xsd',
	address: 'https://github.com/erasmus-without-paper/ewp-specs-types-address/tree/stable-v1',
	contact: 'https://github.com/erasmus-without-paper/ewp-specs-types-contact/tree/stable-v1',
	phone: 'https://github.com/erasmus-without-paper/ewp-specs-types-phonenumber/tree/stable-v1'
} as const;

export const MAX_HEI_IDS = 10;
export const MAX_OUNIT_IDS = 100;

export interface LangText {
	lang: string;
	text: string;
}

export interface EwpContact {
	name: string;
	email: string | null;
	/** E.164. */
	phone: string | null;
	/** In English: what they do. */
	roles: string[];
}

export interface EwpInstitution {
	heiId: string;
	erasmusCode: string | null;
	names: LangText[];
	abbreviation?: string | null;
	/** Where it is: city names by language and the ISO country code. */
	city?: string | null;
	countryCode?: string | null;
	websites?: LangText[];
	/** Its public profile on the platform (the closest thing to a mobility factsheet page). */
	factsheetUrls?: LangText[];
	contacts?: EwpContact[];
	ounitIds?: string[];
}

export interface EwpUnit {
	ounitId: string;
	code: string;
	names: LangText[];
	contacts?: EwpContact[];
}

const named = (ns: string, name: string, texts: LangText[]) => texts.map((t) => el(ns, name, [t.text], { 'xml:lang': t.lang }));

function contactXml(c: EwpContact): XmlElement {
	return el(NS.contact, 'contact', [
		el(NS.contact, 'contact-name', [c.name]),
		c.phone ? el(NS.phone, 'phone-number', [el(NS.phone, 'e164', [c.phone])]) : null,
		c.email ? el(NS.contact, 'email', [c.email]) : null,
		c.roles.length ? el(NS.contact, 'role-description', [c.roles.join(', ')], { 'xml:lang': 'en' }) : null
	]);
}

/** The Institutions API's answer: full entries for the HEIs we cover, names for those we only know. */
export function institutionsResponseXml(heis: EwpInstitution[]): string {
	const root = el(
		NS.institutions,
		'institutions-response',
		heis.map((h) =>
			el(NS.institutions, 'hei', [
				el(NS.institutions, 'hei-id', [h.heiId]),
				h.erasmusCode ? el(NS.institutions, 'other-id', [h.erasmusCode], { type: 'erasmus' }) : null,
				...named(NS.institutions, 'name', h.names),
				h.abbreviation ? el(NS.institutions, 'abbreviation', [h.abbreviation]) : null,
				h.city || h.countryCode ? el(NS.address, 'street-address', [h.city ? el(NS.address, 'locality', [h.city]) : null, h.countryCode ? el(NS.address, 'country', [h.countryCode]) : null]) : null,
				...named(NS.institutions, 'website-url', h.websites ?? []),
				...named(NS.institutions, 'mobility-factsheet-url', h.factsheetUrls ?? []),
				...(h.contacts ?? []).map(contactXml),
				...(h.ounitIds ?? []).map((id) => el(NS.institutions, 'ounit-id', [id]))
			])
		)
	);
	return serializeXml(root, { [NS.institutions]: '', [NS.address]: 'a', [NS.contact]: 'c', [NS.phone]: 'p' });
}

/** The Organizational Units API's answer. */
export function ounitsResponseXml(units: EwpUnit[]): string {
	const root = el(
		NS.ounits,
		'ounits-response',
		units.map((u) => el(NS.ounits, 'ounit', [el(NS.ounits, 'ounit-id', [u.ounitId]), el(NS.ounits, 'ounit-code', [u.code]), ...named(NS.ounits, 'name', u.names), ...(u.contacts ?? []).map(contactXml)]))
	);
	return serializeXml(root, { [NS.ounits]: '', [NS.contact]: 'c', [NS.phone]: 'p' });
}

export function institutionsEntry(url: string, adminEmail?: string): XmlElement {
	return el(NS.institutionsEntry, 'institutions', [adminEmail ? el(HOST_NS.common, 'admin-email', [adminEmail]) : null, httpSecurity(NS.institutionsEntry), el(NS.institutionsEntry, 'url', [url]), el(NS.institutionsEntry, 'max-hei-ids', [String(MAX_HEI_IDS)])], { version: '2.2.0' });
}

export function ounitsEntry(url: string, adminEmail?: string): XmlElement {
	return el(
		NS.ounitsEntry,
		'organizational-units',
		[adminEmail ? el(HOST_NS.common, 'admin-email', [adminEmail]) : null, httpSecurity(NS.ounitsEntry), el(NS.ounitsEntry, 'url', [url]), el(NS.ounitsEntry, 'max-ounit-ids', [String(MAX_OUNIT_IDS)]), el(NS.ounitsEntry, 'max-ounit-codes', [String(MAX_OUNIT_IDS)])],
		{ version: '2.1.1' }
	);
}
