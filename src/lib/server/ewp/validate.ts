import { validateXML } from 'xmllint-wasm';
import { SCHEMA_FILES } from './schemas/schemas';

/**
 * Checks a document against the official EWP schemas (schemas/: copies of the specifications'
 * XSDs, their imports pointed at each other) with libxml2's xmllint compiled to WebAssembly,
 * in a worker thread: no network, no native build. (The schemas come as strings from
 * schemas/schemas.ts, generated from the .xsd files by scripts/ewp-schemas.mjs.)
 */

const file = (fileName: string) => ({ fileName, contents: SCHEMA_FILES[fileName]! });
const SHARED = ['common-types.xsd', 'contact.xsd', 'phonenumber.xsd', 'address.xsd', 'academic-term-v1.xsd', 'xml.xsd'].map(file);

const HOST_FILES = ['discovery-manifest.xsd', 'discovery-manifest-entry.xsd', 'registry-catalogue.xsd', 'echo-manifest-entry.xsd', 'echo-response.xsd', 'sec-intro.xsd', 'sec-cliauth-httpsig.xsd', 'sec-srvauth-httpsig.xsd', 'institutions-manifest-entry.xsd', 'institutions-response.xsd', 'ounits-manifest-entry.xsd', 'ounits-response.xsd'].map(file);

export const EWP_SCHEMAS = {
	iiasGetResponse: { main: file('iias-get-response.xsd'), preload: SHARED },
	/** Manifests, catalogues, error responses and the APIs served: one set (host-documents.xsd imports them all). */
	hostDocuments: { main: file('host-documents.xsd'), preload: [...SHARED, ...HOST_FILES] }
} as const;

export interface SchemaCheck {
	valid: boolean;
	/** xmllint's messages with their line, e.g. "line 12: Element 'mobilities-per-year': '-1' is not a valid value…". */
	errors: string[];
}

export async function validateEwpDocument(xml: string, schema: keyof typeof EWP_SCHEMAS): Promise<SchemaCheck> {
	const result = await validateXML({
		xml: { fileName: 'document.xml', contents: xml },
		schema: EWP_SCHEMAS[schema].main,
		preload: [...EWP_SCHEMAS[schema].preload],
		// 64 MB: a partner's file is at most 5 MB (ewp/xml.ts).
		maxMemoryPages: 1024
	});
	return {
		valid: result.valid,
		errors: result.errors.slice(0, 20).map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.message))
	};
}
