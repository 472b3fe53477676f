import { validateXML } from 'xmllint-wasm';
import iiasGetResponse from './schemas/iias-get-response.xsd?raw';
import commonTypes from './schemas/common-types.xsd?raw';
import contact from './schemas/contact.xsd?raw';
import phoneNumber from './schemas/phonenumber.xsd?raw';
import address from './schemas/address.xsd?raw';
import academicTerm from './schemas/academic-term-v1.xsd?raw';
import xmlNamespace from './schemas/xml.xsd?raw';

/**
 * Checks a document against the official EWP schemas (schemas/: copies of the specifications'
 * XSDs, their imports pointed at each other) with libxml2's xmllint compiled to WebAssembly,
 * in a worker thread: no network, no native build.
 */

const SHARED = [
	{ fileName: 'common-types.xsd', contents: commonTypes },
	{ fileName: 'contact.xsd', contents: contact },
	{ fileName: 'phonenumber.xsd', contents: phoneNumber },
	{ fileName: 'address.xsd', contents: address },
	{ fileName: 'academic-term-v1.xsd', contents: academicTerm },
	{ fileName: 'xml.xsd', contents: xmlNamespace }
];

export const EWP_SCHEMAS = { iiasGetResponse: { fileName: 'iias-get-response.xsd', contents: iiasGetResponse } } as const;

export interface SchemaCheck {
	valid: boolean;
	/** xmllint's messages with their line, e.g. "line 12: Element 'mobilities-per-year': '-1' is not a valid value…". */
	errors: string[];
}

export async function validateEwpDocument(xml: string, schema: keyof typeof EWP_SCHEMAS): Promise<SchemaCheck> {
	const result = await validateXML({
		xml: { fileName: 'document.xml', contents: xml },
		schema: EWP_SCHEMAS[schema],
		preload: SHARED,
		// 64 MB: a partner's file is at most 5 MB (ewp/xml.ts).
		maxMemoryPages: 1024
	});
	return {
		valid: result.valid,
		errors: result.errors.slice(0, 20).map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.message))
	};
}
