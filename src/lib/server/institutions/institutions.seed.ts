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

/** Gives people their roles at institutions, leaving a role someone already has there as it is. */
export async function seedMemberships(platform: Pick<Platform, 'db'>, rows: readonly { institutionId: string; userId: string; role: InstitutionRole }[]) {
	if (rows.length) await platform.db.insert(membership).values([...rows]).onConflictDoNothing();
}
