import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../ewp/xml';
import { iiaHash, sha256Hex, textToHash, validForApproval } from './iia-hash';
import { hashOfIia, iiaGetResponseXml, readIiaGetResponse } from './iia-xml';
import { richIia } from './iia-fixtures';
import { childElements } from '../ewp/xml';

const kit = path.resolve('../shared/ewp/specs/ewp-specs-api-iias/resources/xsltKit');
const validateScript = path.resolve('../shared/ewp/validate');

/** The official XSLT run by SaxonJS (the xslt3 package): the oracle for our text-to-hash. */
function officialTextsToHash(xml: string): string[] {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iia-')), 'response.xml');
	fs.writeFileSync(file, xml);
	const output = execFileSync(process.execPath, [path.resolve('node_modules/xslt3/xslt3.js'), `-xsl:${path.join(kit, 'transform_version_7.xsl')}`, `-s:${file}`], { encoding: 'utf8' });
	return childElements(parseXml(output), 'iia').map((iia) => childElements(iia, 'text-to-hash').map((t) => t.children.join(''))[0] ?? '');
}

const hasXmllint = spawnSync('sh', ['-c', 'command -v xmllint']).status === 0;

describe('the IIA v7 hash', () => {
	it('reproduces the xsltKit example: its text-to-hash, its iia-hash, and that it cannot be approved', () => {
		const document = parseXml(fs.readFileSync(path.join(kit, 'get-response-v7.xml'), 'utf8'));
		const [iia] = childElements(document, 'iia');
		const readme = fs.readFileSync(path.join(kit, 'README.md'), 'utf8');
		const expected = [...readme.matchAll(/<text-to-hash>(.*?)<\/text-to-hash>/g)].map((m) => m[1]).at(-1)!;
		expect(textToHash(iia!, document)).toBe(expected);
		expect(iiaHash(iia!, document)).toBe('87b33170d7a6c6d894215641f39e7b7de36501265479e5ab3922f32d5b225033');
		expect(validForApproval(document)).toBe(false);
		expect(officialTextsToHash(fs.readFileSync(path.join(kit, 'get-response-v7.xml'), 'utf8'))).toEqual([expected]);
	});

	it('gives the same text-to-hash as the official XSLT for agreements using every part of the model', () => {
		const iias = [
			richIia(),
			richIia({ inEffect: false, partners: [{ heiId: 'tongji.edu.cn', iiaId: 'T-1', contacts: [] }, { heiId: 'kth.se', contacts: [] }] }),
			richIia({ conditions: richIia().conditions.slice(1, 2) })
		];
		const xml = iiaGetResponseXml(iias);
		const official = officialTextsToHash(xml);
		expect(official).toHaveLength(3);
		iias.forEach((iia, n) => expect(hashOfIia(iia).textToHash).toBe(official[n]));
		// Contacts and the receiving years' place are not hashed; the years come last in each mobility.
		expect(official[0]).not.toContain('王芳');
		expect(official[0]).toContain('_receiving-first-academic-year-id=2025/2026__receiving-last-academic-year-id=2028/2029_');
		expect(official[0]).toContain('isced-clarification=Software & <systems> "engineering"');
	});

	it('marks an agreement terminated as a whole, as the XSLT does', () => {
		const iia = richIia({ terminatedAsAWhole: true });
		const [official] = officialTextsToHash(iiaGetResponseXml([iia]));
		expect(official!.startsWith('_@terminated-as-a-whole@_')).toBe(true);
		expect(hashOfIia(iia).textToHash).toBe(official);
		expect(hashOfIia(iia).hash).toBe(sha256Hex(official!));
		expect(hashOfIia(iia).hash).not.toBe(hashOfIia(richIia()).hash);
	});

	it('changes the hash for a change that matters and keeps it for one that does not', () => {
		const base = hashOfIia(richIia()).hash;
		const more = richIia();
		more.conditions[0]!.mobilitiesPerYear = 3;
		expect(hashOfIia(more).hash).not.toBe(base);
		const newContact = richIia();
		newContact.conditions[1]!.sendingContacts = [{ name: 'Someone Else' }];
		expect(hashOfIia(newContact).hash).toBe(base);
	});

	it('reads back what it writes, with the hash it states', () => {
		const iia = richIia();
		const [read] = readIiaGetResponse(parseXml(iiaGetResponseXml([iia])));
		expect(read!.hash).toBe(read!.statedHash);
		expect(read!.validForApproval).toBe(true);
		// Conditions come back in the schema's order (by kind).
		const byKind = (list: typeof iia.conditions) => [...list].sort((a, b) => a.kind.localeCompare(b.kind));
		expect(byKind(read!.iia.conditions).map((c) => ({ ...c, otherInfoTerms: c.otherInfoTerms }))).toMatchObject(byKind(iia.conditions).map((c) => ({ kind: c.kind, mobilitiesPerYear: c.mobilitiesPerYear, subjectAreas: c.subjectAreas })));
		expect(read!.iia.partners[0]).toMatchObject({ heiId: 'enu.kz', iiaCode: 'ENU/UPC/2025-01', signingDate: '2025-03-14' });
	});

	// CI installs xmllint (libxml2-utils): there the check must run, not be skipped.
	it.skipIf(!hasXmllint && !process.env.CI)('writes documents the official schema accepts', () => {
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iia-')), 'response.xml');
		fs.writeFileSync(file, iiaGetResponseXml([richIia(), richIia({ terminatedAsAWhole: true })]));
		const result = spawnSync(validateScript, ['ewp-specs-api-iias/endpoints/get-response.xsd', file], { encoding: 'utf8' });
		expect(result.stderr).toContain('validates');
		expect(result.status).toBe(0);
	});
});
