import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { iiaGetResponseXml } from '../agreements/iia-xml';
import { richIia } from '../agreements/iia-fixtures';
import { validateEwpDocument } from './validate';

const example = (file: string) => fs.readFileSync(path.resolve('../shared/ewp/specs/ewp-specs-api-iias', file), 'utf8');

describe('checking EWP documents against the official schemas, in process', () => {
	it('accepts the specification’s examples and what the platform writes', async () => {
		expect(await validateEwpDocument(example('endpoints/get-response-example.xml'), 'iiasGetResponse')).toEqual({ valid: true, errors: [] });
		expect((await validateEwpDocument(example('resources/xsltKit/get-response-v7.xml'), 'iiasGetResponse')).valid).toBe(true);
		expect(await validateEwpDocument(iiaGetResponseXml([richIia()]), 'iiasGetResponse')).toEqual({ valid: true, errors: [] });
	});

	it('refuses a document that breaks the schema, saying where', async () => {
		const broken = iiaGetResponseXml([richIia()]).replace('<mobilities-per-year>2</mobilities-per-year>', '<mobilities-per-year>-1</mobilities-per-year>');
		const check = await validateEwpDocument(broken, 'iiasGetResponse');
		expect(check.valid).toBe(false);
		expect(check.errors[0]).toMatch(/^line \d+: .*mobilities-per-year/);
		const notAnIia = await validateEwpDocument('<?xml version="1.0"?><factsheet xmlns="urn:x"/>', 'iiasGetResponse');
		expect(notAnIia.valid).toBe(false);
		expect((await validateEwpDocument('<not xml', 'iiasGetResponse')).valid).toBe(false);
	});

	it('holds the schemas exactly as the .xsd copies say (schemas.ts is generated from them)', () => {
		expect(() => execFileSync(process.execPath, ['scripts/ewp-schemas.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
	});
});
