import { attributeOf, childElement, childElements, el, serializeXml, textOf, type XmlElement, type XmlNode } from '../ewp/xml';
import { iiaHash, sha256Hex, textToHash, validForApproval } from './iia-hash';
import { MOBILITY_KINDS, isStudentMobility, type CooperationCondition, type Iia, type IiaContact, type IiaPartner, type LanguageSkill, type MobilityKind, type SubjectArea } from './iia';

/** IIA v7 get response (ewp-specs-api-iias 7.0.0) and the types it uses. */
export const IIAS_NS = 'https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd';
const CONTACT_NS = 'https://github.com/erasmus-without-paper/ewp-specs-types-contact/tree/stable-v1';
const PHONE_NS = 'https://github.com/erasmus-without-paper/ewp-specs-types-phonenumber/tree/stable-v1';
const PREFIXES = { [IIAS_NS]: '', [CONTACT_NS]: 'c', [PHONE_NS]: 'p' };

const i = (name: string, children: (XmlNode | undefined | null | false)[] = [], attributes: Record<string, string> = {}) => el(IIAS_NS, name, children, attributes);
const text = (name: string, value: string | number | boolean | undefined | null) => (value === undefined || value === null || value === '' ? undefined : i(name, [String(value)]));
/** xs:decimal with at most two fraction digits, no exponent. */
const decimal = (n: number) => String(Number(n.toFixed(2)));

function contactElement(element: XmlElement['name'], ns: string, contact: IiaContact): XmlElement {
	return el(ns, element, [
		el(CONTACT_NS, 'contact-name', [contact.name]),
		contact.givenNames && el(CONTACT_NS, 'person-given-names', [contact.givenNames]),
		contact.familyName && el(CONTACT_NS, 'person-family-name', [contact.familyName]),
		contact.phone && el(PHONE_NS, 'phone-number', [el(PHONE_NS, 'e164', [contact.phone])]),
		contact.email && el(CONTACT_NS, 'email', [contact.email])
	]);
}

function subjectAreaElement(area: SubjectArea): XmlElement {
	return i('subject-area', [i('isced-f-code', [area.iscedCode], area.v6Code ? { 'v6-value': area.v6Code } : {}), text('isced-clarification', area.clarification)]);
}

function languageSkillElement(skill: LanguageSkill): XmlElement {
	return i('recommended-language-skill', [text('language', skill.language), text('cefr-level', skill.cefrLevel), skill.subjectArea && subjectAreaElement(skill.subjectArea)], skill.notYetDefined ? { 'not-yet-defined': 'true' } : {});
}

function conditionElement(c: CooperationCondition): XmlElement {
	const student = isStudentMobility(c.kind);
	return i(`${c.kind}-mobility-spec`, [
		text('sending-hei-id', c.sendingHeiId),
		text('sending-ounit-id', c.sendingOunitId),
		...c.sendingContacts.map((contact) => contactElement('sending-contact', IIAS_NS, contact)),
		text('receiving-hei-id', c.receivingHeiId),
		text('receiving-ounit-id', c.receivingOunitId),
		...c.receivingContacts.map((contact) => contactElement('receiving-contact', IIAS_NS, contact)),
		text('receiving-first-academic-year-id', c.firstAcademicYear),
		text('receiving-last-academic-year-id', c.lastAcademicYear),
		i('mobilities-per-year', [String(c.mobilitiesPerYear)], c.mobilitiesPerYearNotYetDefined ? { 'not-yet-defined': 'true' } : {}),
		...c.languageSkills.map(languageSkillElement),
		...c.subjectAreas.map(subjectAreaElement),
		text('other-info-terms', c.otherInfoTerms),
		...(student
			? [c.totalMonthsPerYear !== undefined ? text('total-months-per-year', decimal(c.totalMonthsPerYear)) : undefined, text('blended', c.blended ?? false), ...(c.eqfLevels ?? []).map((level) => text('eqf-level', level))]
			: [c.totalDaysPerYear !== undefined ? text('total-days-per-year', decimal(c.totalDaysPerYear)) : undefined])
	]);
}

function partnerElement(p: IiaPartner): XmlElement {
	return i('partner', [
		text('hei-id', p.heiId),
		text('ounit-id', p.ounitId),
		text('iia-id', p.iiaId),
		text('iia-code', p.iiaCode),
		p.signingContact && contactElement('signing-contact', IIAS_NS, p.signingContact),
		text('signing-date', p.signingDate),
		...p.contacts.map((contact) => contactElement('contact', CONTACT_NS, contact))
	]);
}

/** Conditions in the order the XSD requires: by kind, then as given. */
const inSchemaOrder = (conditions: CooperationCondition[]) => MOBILITY_KINDS.flatMap((kind) => conditions.filter((c) => c.kind === kind));

/** The `<iia>` element of a get response, with its `iia-hash`, and the text that hash is of. */
function hashedIiaElement(iia: Iia): { element: XmlElement; textToHash: string } {
	const element = i('iia', [
		...iia.partners.map(partnerElement),
		text('in-effect', iia.inEffect),
		i('cooperation-conditions', inSchemaOrder(iia.conditions).map(conditionElement), iia.terminatedAsAWhole ? { 'terminated-as-a-whole': 'true' } : {})
	]);
	const canonical = textToHash(element);
	element.children.push(text('iia-hash', sha256Hex(canonical))!);
	return { element, textToHash: canonical };
}

export const iiaElement = (iia: Iia): XmlElement => hashedIiaElement(iia).element;

/** The IIA as a v7 get response document, as the EWP node will serve it. */
export function iiaGetResponseXml(iias: Iia[]): string {
	return serializeXml(i('iias-get-response', iias.map(iiaElement)), PREFIXES);
}

/** The text-to-hash and hash of an IIA as this platform writes it. */
export function hashOfIia(iia: Iia): { textToHash: string; hash: string } {
	const { element, textToHash: canonical } = hashedIiaElement(iia);
	return { textToHash: canonical, hash: textOf(childElement(element, 'iia-hash')) };
}

// Reading a partner's document (already checked against the XSD).

const optional = (e: XmlElement | undefined) => (e ? textOf(e).trim() || undefined : undefined);
const firstText = (parent: XmlElement, name: string) => optional(childElement(parent, name));

function readContact(e: XmlElement): IiaContact {
	const phone = childElement(e, 'phone-number');
	return {
		name: firstText(e, 'contact-name') ?? '',
		givenNames: firstText(e, 'person-given-names'),
		familyName: firstText(e, 'person-family-name'),
		email: firstText(e, 'email'),
		phone: phone ? (firstText(phone, 'e164') ?? firstText(phone, 'other-format')) : undefined
	};
}

function readSubjectArea(e: XmlElement): SubjectArea {
	const code = childElement(e, 'isced-f-code');
	return { iscedCode: optional(code) ?? '', v6Code: code ? attributeOf(code, 'v6-value') || undefined : undefined, clarification: firstText(e, 'isced-clarification') };
}

const isTrue = (value: string | undefined) => value === 'true' || value === '1';

function readCondition(e: XmlElement): CooperationCondition | undefined {
	const kind = MOBILITY_KINDS.find((k) => `${k}-mobility-spec` === e.name) as MobilityKind | undefined;
	if (!kind) return undefined;
	const perYear = childElement(e, 'mobilities-per-year');
	const number = (name: string) => {
		const value = firstText(e, name);
		return value === undefined ? undefined : Number(value);
	};
	return {
		kind,
		sendingHeiId: firstText(e, 'sending-hei-id') ?? '',
		sendingOunitId: firstText(e, 'sending-ounit-id'),
		sendingContacts: childElements(e, 'sending-contact').map(readContact),
		receivingHeiId: firstText(e, 'receiving-hei-id') ?? '',
		receivingOunitId: firstText(e, 'receiving-ounit-id'),
		receivingContacts: childElements(e, 'receiving-contact').map(readContact),
		firstAcademicYear: firstText(e, 'receiving-first-academic-year-id') ?? '',
		lastAcademicYear: firstText(e, 'receiving-last-academic-year-id') ?? '',
		mobilitiesPerYear: Number(optional(perYear) ?? 0),
		mobilitiesPerYearNotYetDefined: perYear && isTrue(attributeOf(perYear, 'not-yet-defined')) ? true : undefined,
		languageSkills: childElements(e, 'recommended-language-skill').map((s) => {
			const area = childElement(s, 'subject-area');
			return {
				language: firstText(s, 'language') ?? '',
				cefrLevel: firstText(s, 'cefr-level'),
				subjectArea: area ? readSubjectArea(area) : undefined,
				notYetDefined: isTrue(attributeOf(s, 'not-yet-defined')) || undefined
			};
		}),
		subjectAreas: childElements(e, 'subject-area').map(readSubjectArea),
		otherInfoTerms: firstText(e, 'other-info-terms'),
		totalMonthsPerYear: number('total-months-per-year'),
		totalDaysPerYear: number('total-days-per-year'),
		blended: isStudentMobility(kind) ? isTrue(firstText(e, 'blended')) : undefined,
		eqfLevels: isStudentMobility(kind) ? childElements(e, 'eqf-level').map((l) => Number(textOf(l).trim())) : undefined
	};
}

function readPartner(e: XmlElement): IiaPartner {
	const signing = childElement(e, 'signing-contact');
	return {
		heiId: firstText(e, 'hei-id') ?? '',
		ounitId: firstText(e, 'ounit-id'),
		iiaId: firstText(e, 'iia-id'),
		iiaCode: firstText(e, 'iia-code'),
		signingContact: signing ? readContact(signing) : undefined,
		signingDate: firstText(e, 'signing-date'),
		contacts: childElements(e, 'contact').map(readContact)
	};
}

export interface ReadIia {
	iia: Iia;
	/** The hash the file states, and the one its content gives (the XSLT's rules). */
	statedHash: string;
	hash: string;
	textToHash: string;
	validForApproval: boolean;
}

/** The IIAs of a get response document (namespace checked by the caller's schema validation). */
export function readIiaGetResponse(document: XmlElement): ReadIia[] {
	return childElements(document, 'iia').map((element) => {
		const [first, second] = childElements(element, 'partner').map(readPartner);
		const conditions = childElement(element, 'cooperation-conditions');
		return {
			iia: {
				partners: [first!, second!],
				inEffect: isTrue(firstText(element, 'in-effect')),
				terminatedAsAWhole: conditions ? isTrue(attributeOf(conditions, 'terminated-as-a-whole')) : false,
				conditions: (conditions ? childElements(conditions) : []).map(readCondition).filter((c): c is CooperationCondition => c !== undefined)
			},
			statedHash: firstText(element, 'iia-hash') ?? '',
			hash: iiaHash(element, document),
			textToHash: textToHash(element, document),
			validForApproval: validForApproval(document)
		};
	});
}
