/**
 * Identifiers of Erasmus Without Paper: an institution's SCHAC code (its hei-id, a lower-case
 * domain name such as upc.edu) and its Erasmus code (E  BARCELO03: country in three columns,
 * then city letters and a number).
 */

const HEI_ID = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export function normalizeHeiId(value: string): string {
	return value.trim().toLowerCase();
}

/** A SCHAC code: a domain name of at least two labels, lower case, at most 100 characters. */
export function isHeiId(value: string): boolean {
	return value.length <= 100 && HEI_ID.test(value);
}

const ERASMUS_CODE = /^([A-Z]{1,3})\s+([A-Z-]{1,8}\d{2,3})$/;

/** "e barcelo03" → "E  BARCELO03"; undefined when it is not in the Erasmus code's form. */
export function normalizeErasmusCode(value: string): string | undefined {
	const match = ERASMUS_CODE.exec(value.trim().toUpperCase());
	return match ? `${match[1]!.padEnd(3, ' ')}${match[2]}` : undefined;
}

/** EWP's AsciiPrintableIdentifier: 1–64 printable ASCII characters, no spaces (ounit-id, iia-id). */
export function isEwpIdentifier(value: string): boolean {
	return /^[\x21-\x7e]{1,64}$/.test(value);
}
