import { createHash } from 'node:crypto';
import { attributeOf, childElement, childElements, descendants, textOf, type XmlElement } from '../ewp/xml';

/**
 * The IIA v7 `text-to-hash` and `iia-hash`, exactly as the EWP xsltKit's transform_version_7.xsl
 * builds them (ewp-specs-api-iias, resources/xsltKit), over an `<iia>` element of a get response.
 * Tested against the XSLT itself run by SaxonJS (iia-hash.test.ts). The quirks are the XSLT's
 * and are kept on purpose: both partners must get the same string.
 */

const isTrue = (value: string | undefined) => value === 'true' || value === '1';
const notYetDefined = (e: XmlElement) => isTrue(attributeOf(e, 'not-yet-defined'));
const EXCLUDED_ANCESTORS = new Set(['sending-contact', 'receiving-contact']);
const YEARS = new Set(['receiving-first-academic-year-id', 'receiving-last-academic-year-id']);

/** `_name=value_`; an isced-f-code with a v6-value attribute is written with that value. */
function dumpElement(e: XmlElement | undefined, name: string) {
	const v6 = e?.name === 'isced-f-code' ? (attributeOf(e, 'v6-value') ?? '') : '';
	return `_${name}=${v6 || textOf(e)}_`;
}

/**
 * `document` is the whole get response: the XSLT looks for terminated-as-a-whole, not-yet-defined
 * and v6-value across the whole document, not only the `<iia>` at hand.
 */
export function textToHash(iia: XmlElement, document: XmlElement = iia): string {
	let out = '';
	const everywhere = [...descendantsAndSelf(document)];
	if (everywhere.some(({ element }) => element.name === 'cooperation-conditions' && isTrue(attributeOf(element, 'terminated-as-a-whole')))) {
		out += '_@terminated-as-a-whole@_';
	}
	childElements(iia, 'partner').forEach((partner, i) => {
		out += dumpElement(childElement(partner, 'iia-id'), `iia-id_${i + 1}`);
	});
	const conditions = childElement(iia, 'cooperation-conditions');
	for (const mobility of conditions ? childElements(conditions) : []) {
		for (const { element, ancestors } of descendants(mobility)) {
			// Ancestors here start at the mobility; the XSLT's reach above it only adds
			// cooperation-conditions, iia and the response, which carry neither marker.
			const chain = [conditions!, ...ancestors];
			if (ancestors.some((a) => EXCLUDED_ANCESTORS.has(a.name))) continue;
			if (YEARS.has(element.name)) continue;
			if (notYetDefined(element) || ancestors.some(notYetDefined)) continue;
			const parent = chain.at(-1)!;
			const grandparent = chain.at(-2);
			for (const attribute of element.attributes) {
				if (attribute.ns === '' && (attribute.name === 'not-yet-defined' || attribute.name === 'v6-value')) continue;
				out += `_@${grandparent?.name ?? ''}.${parent.name}.${element.name}.${attribute.name}=${attribute.value}@_`;
			}
			if (childElements(element).length === 0) out += dumpElement(element, `${grandparent?.name ?? ''}.${parent.name}.${element.name}`);
		}
		out += dumpElement(childElement(mobility, 'receiving-first-academic-year-id'), 'receiving-first-academic-year-id');
		out += dumpElement(childElement(mobility, 'receiving-last-academic-year-id'), 'receiving-last-academic-year-id');
	}
	return out;
}

/** False when the document holds values v7 needs but the partner could not give (not-yet-defined, v6-value): such an IIA cannot be approved. */
export function validForApproval(document: XmlElement): boolean {
	return ![...descendantsAndSelf(document)].some(({ element }) => notYetDefined(element) || (attributeOf(element, 'v6-value') ?? '') !== '');
}

export function sha256Hex(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function iiaHash(iia: XmlElement, document: XmlElement = iia): string {
	return sha256Hex(textToHash(iia, document));
}

function* descendantsAndSelf(root: XmlElement) {
	yield { element: root, ancestors: [] as XmlElement[] };
	yield* descendants(root);
}
