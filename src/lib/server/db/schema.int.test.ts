import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { createTestPlatform } from '../testing/platform';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

const rows = async <T>(query: ReturnType<typeof sql>) => {
	// PGlite answers { rows }, postgres.js the rows themselves.
	const result = (await platform.db.execute(query)) as unknown as { rows?: T[] } & T[];
	return result.rows ?? result;
};

describe('the migrated schema', () => {
	it('indexes every foreign key, so deleting a user or an institution and filtering by owner never scan a table', async () => {
		const unindexed = await rows<{ fk: string }>(sql`
			select c.conrelid::regclass || '.' || a.attname as fk
			from pg_constraint c
			join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
			where c.contype = 'f'
				and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
			order by 1`);
		expect(unindexed.map((r) => r.fk)).toEqual([]);
	});
});
