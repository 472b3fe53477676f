import { describe, expect, it } from 'vitest';
import { isEwpIdentifier, isHeiId, normalizeErasmusCode, normalizeHeiId } from './ids';

describe('EWP identifiers', () => {
	it('accepts SCHAC codes and refuses what is not a domain name', () => {
		for (const id of ['upc.edu', 'enu.kz', 'tongji.edu.cn', 'univ-perp.fr', 'qmu.edu.kz']) expect(isHeiId(id)).toBe(true);
		for (const id of ['upc', 'UPC.EDU', 'upc..edu', '-upc.edu', 'upc.edu.', 'upc edu', 'https://upc.edu', '']) expect(isHeiId(id)).toBe(false);
		expect(normalizeHeiId('  UPC.edu ')).toBe('upc.edu');
	});

	it('writes Erasmus codes in their official columns', () => {
		expect(normalizeErasmusCode('e barcelo03')).toBe('E  BARCELO03');
		expect(normalizeErasmusCode('EE   TALLINN04')).toBe('EE TALLINN04');
		expect(normalizeErasmusCode('P  LISBOA109')).toBe('P  LISBOA109');
		expect(normalizeErasmusCode('BARCELO03')).toBeUndefined();
		expect(normalizeErasmusCode('E BARCELONA')).toBeUndefined();
	});

	it('knows EWP identifiers: printable ASCII without spaces, 64 at most', () => {
		expect(isEwpIdentifier('0f7a5682-faf7-49a7-9cc7-ec486c49a281')).toBe(true);
		expect(isEwpIdentifier('983/E+/III14&15')).toBe(true);
		expect(isEwpIdentifier('with space')).toBe(false);
		expect(isEwpIdentifier('кириллица')).toBe(false);
		expect(isEwpIdentifier('x'.repeat(65))).toBe(false);
	});
});
