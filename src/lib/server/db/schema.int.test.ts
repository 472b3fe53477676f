import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { makeInstitution, makeUser } from '../testing/factories';
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

	it('refuses roles, statuses and languages the code does not know, whoever writes them', async () => {
		await expect(makeInstitution(platform, { defaultLocale: 'de' })).rejects.toThrow();
		await expect(makeInstitution(platform, { locales: ['en', 'fr'] })).rejects.toThrow();
		const inst = await makeInstitution(platform, { locales: ['en', 'kk', 'zh'] });
		await expect(makeUser(platform, { role: 'owner' as never, institutionId: inst.id })).rejects.toThrow();
		await expect(makeUser(platform, { locale: 'fr' as never })).rejects.toThrow();
		const checks = await rows<{ name: string }>(sql`select conname as name from pg_constraint where contype = 'c' order by 1`);
		expect(checks.map((c) => c.name)).toEqual(expect.arrayContaining(['membership_role_check', 'user_locale_check', 'welcome_case_status_check', 'case_event_kind_check', 'mail_message_status_check', 'news_item_status_check', 'programme_status_check', 'content_revision_state_check']));
		const faq = (status: string) => platform.db.execute(sql`insert into faq_item (institution_id, slug, question, status) values (${inst.id}, ${`q-${status}`}, '{}', ${status})`);
		await expect(faq('archived')).rejects.toThrow();
		await expect(faq('draft')).resolves.toBeDefined();
	});
});

