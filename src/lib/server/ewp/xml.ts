import { SaxesParser } from 'saxes';

/**
 * A small XML element tree: enough for EWP documents (elements, attributes, text), read with a
 * namespace-aware streaming parser and written with the namespaces' prefixes given.
 */
export interface XmlElement {
	/** Local name. */
	name: string;
	/** Namespace URI ('' for none). */
	ns: string;
	attributes: XmlAttribute[];
	children: XmlNode[];
}
export interface XmlAttribute {
	name: string;
	ns: string;
	value: string;
}
export type XmlNode = XmlElement | string;

export class XmlReadError extends Error {}

const LIMITS = { bytes: 5 * 1024 * 1024, depth: 32, elements: 200_000 };

/**
 * Reads a document. Refuses a DOCTYPE (no entity expansion, no external references), documents
 * over 5 MB, deeper than 32 levels or with more than 200,000 elements: a partner's file is data,
 * never instructions.
 */
export function parseXml(text: string): XmlElement {
	if (Buffer.byteLength(text) > LIMITS.bytes) throw new XmlReadError('too large');
	const parser = new SaxesParser({ xmlns: true, position: true });
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	let elements = 0;
	let failure: Error | undefined;
	const fail = (message: string) => {
		failure ??= new XmlReadError(message);
	};
	parser.on('doctype', () => fail('a DOCTYPE is not accepted'));
	parser.on('error', (error) => fail(error.message));
	parser.on('opentag', (tag) => {
		if (++elements > LIMITS.elements || stack.length >= LIMITS.depth) return fail('too many elements or too deep');
		const attributes: XmlAttribute[] = [];
		for (const attribute of Object.values(tag.attributes)) {
			// Namespace declarations are not attributes in the XPath data model the EWP XSLT uses.
			if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
			attributes.push({ name: attribute.local, ns: attribute.uri, value: attribute.value });
		}
		const element: XmlElement = { name: tag.local ?? tag.name, ns: tag.uri ?? '', attributes, children: [] };
		const parent = stack.at(-1);
		if (parent) parent.children.push(element);
		else root ??= element;
		stack.push(element);
	});
	const addText = (text: string) => {
		const parent = stack.at(-1);
		if (!parent) return;
		const last = parent.children.at(-1);
		if (typeof last === 'string') parent.children[parent.children.length - 1] = last + text;
		else parent.children.push(text);
	};
	parser.on('text', addText);
	parser.on('cdata', addText);
	parser.on('closetag', () => {
		stack.pop();
	});
	try {
		parser.write(text).close();
	} catch (error) {
		fail(error instanceof Error ? error.message : String(error));
	}
	if (failure) throw failure;
	if (!root) throw new XmlReadError('no root element');
	return root;
}

/** The child elements, optionally only those with a local name. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
	return element.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function childElement(element: XmlElement, name: string): XmlElement | undefined {
	return element.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The XPath string value: all the text inside, in document order. */
export function textOf(node: XmlNode | undefined): string {
	if (node === undefined) return '';
	if (typeof node === 'string') return node;
	return node.children.map(textOf).join('');
}

export function attributeOf(element: XmlElement, name: string): string | undefined {
	return element.attributes.find((a) => a.name === name && a.ns === '')?.value;
}

/** Every element below `element` (not itself), in document order. */
export function* descendants(element: XmlElement): Generator<{ element: XmlElement; ancestors: XmlElement[] }> {
	const walk = function* (node: XmlElement, ancestors: XmlElement[]): Generator<{ element: XmlElement; ancestors: XmlElement[] }> {
		for (const child of childElements(node)) {
			yield { element: child, ancestors };
			yield* walk(child, [...ancestors, child]);
		}
	};
	yield* walk(element, [element]);
}

/** The namespace of xml:lang, always bound to the prefix `xml`. */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Builds an element: `el(ns, 'name', [children], { attribute: 'value' })`. Empty children are left out. */
export function el(ns: string, name: string, children: (XmlNode | undefined | null | false)[] = [], attributes: Record<string, string> = {}): XmlElement {
	return {
		name,
		ns,
		attributes: Object.entries(attributes).map(([n, value]) => (n.startsWith('xml:') ? { name: n.slice(4), ns: XML_NS, value } : { name: n, ns: '', value })),
		children: children.filter((c): c is XmlNode => c !== undefined && c !== null && c !== false)
	};
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

/**
 * Writes a document. `prefixes` maps namespace URIs to prefixes ('' for the default namespace),
 * all declared on the root. Elements with children only are indented; text is written as it is.
 */
export function serializeXml(root: XmlElement, prefixes: Record<string, string>): string {
	const qualified = (e: XmlElement) => {
		const prefix = prefixes[e.ns];
		if (prefix === undefined) throw new Error(`no prefix for namespace ${e.ns}`);
		return prefix ? `${prefix}:${e.name}` : e.name;
	};
	const declarations = Object.entries(prefixes)
		.map(([uri, prefix]) => ` ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${escapeAttribute(uri)}"`)
		.join('');
	const write = (e: XmlElement, depth: number, isRoot: boolean): string => {
		const indent = '  '.repeat(depth);
		const attributes = e.attributes.map((a) => ` ${a.ns === XML_NS ? 'xml:' : a.ns && prefixes[a.ns] ? `${prefixes[a.ns]}:` : ''}${a.name}="${escapeAttribute(a.value)}"`).join('');
		const open = `${qualified(e)}${isRoot ? declarations : ''}${attributes}`;
		if (e.children.length === 0) return `${indent}<${open}/>`;
		if (e.children.every((c) => typeof c === 'string')) return `${indent}<${open}>${escapeText(e.children.join(''))}</${qualified(e)}>`;
		const inner = e.children.map((c) => (typeof c === 'string' ? escapeText(c) : write(c, depth + 1, false))).join('\n');
		return `${indent}<${open}>\n${inner}\n${indent}</${qualified(e)}>`;
	};
	return `<?xml version="1.0" encoding="UTF-8"?>\n${write(root, 0, true)}\n`;
}
