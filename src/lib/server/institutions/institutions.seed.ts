import { and, eq, isNull } from 'drizzle-orm';
import type { InstitutionRole } from '../access/policy';
import type { Platform } from '../platform/context';
import { institution, membership } from './institutions.tables';

/** An institution as demo and benchmark data give it (marked demo when inserted). */
export type SeedInstitution = Omit<typeof institution.$inferInsert, 'id' | 'isDemo' | 'version' | 'createdAt' | 'updatedAt'>;

/**
 * Adds the demo institutions whose slug is not taken yet, in one insert, and returns those
 * added (id and slug); running it twice adds nothing.
 */
export async function seedDemoInstitutions(platform: Pick<Platform, 'db'>, rows: readonly SeedInstitution[]) {
	if (!rows.length) return [];
	return platform.db
		.insert(institution)
		.values(rows.map((row) => ({ ...row, isDemo: true })))
		.onConflictDoNothing({ target: institution.slug })
		.returning({ id: institution.id, slug: institution.slug });
}

/**
 * Gives demo institutions seeded before they had EWP identifiers their hei-id and Erasmus code
 * (only where none is set: an admin's own value stays).
 */
export async function fillDemoInstitutionIds(platform: Pick<Platform, 'db'>, rows: readonly SeedInstitution[]) {
	for (const row of rows) {
		if (!row.heiId) continue;
		await platform.db
			.update(institution)
			.set({ heiId: row.heiId, erasmusCode: row.erasmusCode ?? null })
			.where(and(eq(institution.slug, row.slug), eq(institution.isDemo, true), isNull(institution.heiId)));
	}
}

/** Gives people their roles at institutions, leaving a role someone already has there as it is. */
export async function seedMemberships(platform: Pick<Platform, 'db'>, rows: readonly { institutionId: string; userId: string; role: InstitutionRole }[]) {
	if (rows.length) await platform.db.insert(membership).values([...rows]).onConflictDoNothing();
}
