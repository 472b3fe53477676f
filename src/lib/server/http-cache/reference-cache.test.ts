import { describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import { clearReferenceData, referenceData } from './reference-cache';

const dbA = {} as Db;
const dbB = {} as Db;

describe('reference lists kept until content changes', () => {
	it('reads once for concurrent and later requests, again after a content change', async () => {
		clearReferenceData();
		let reads = 0;
		const load = async () => ++reads;
		expect(await Promise.all([referenceData(dbA, 'k', load), referenceData(dbA, 'k', load)])).toEqual([1, 1]);
		expect(await referenceData(dbA, 'k', load)).toBe(1);
		clearReferenceData();
		expect(await referenceData(dbA, 'k', load)).toBe(2);
	});

	it('runs a lazy query (a thenable that reads on every await, as Drizzle builds them) once', async () => {
		clearReferenceData();
		let reads = 0;
		const query = { then: <R>(resolve: (n: number) => R) => resolve(++reads) } as PromiseLike<number>;
		for (let i = 0; i < 3; i++) expect(await referenceData(dbA, 'lazy', () => query)).toBe(1);
		expect(reads).toBe(1);
	});

	it('keeps each database and key apart, reads again after the time to live, and does not keep a failure', async () => {
		clearReferenceData();
		expect(await referenceData(dbA, 'k', async () => 'a')).toBe('a');
		expect(await referenceData(dbB, 'k', async () => 'b')).toBe('b');
		expect(await referenceData(dbA, 'other', async () => 'c')).toBe('c');
		expect(await referenceData(dbA, 'k', async () => 'late', Date.now() + 61_000)).toBe('late');
		await expect(referenceData(dbA, 'failing', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
		expect(await referenceData(dbA, 'failing', async () => 'back')).toBe('back');
	});
});
