import { eq } from 'drizzle-orm';
import { isInstitutionRole, isPlatformRole, type Actor, type InstitutionRole } from '../access/policy';
import type { SessionUser } from '../auth/accounts.service';
import type { Db } from '../db/database';
import { membership } from './institutions.tables';

/** Who acts in a request: the signed-in user with their platform role and their roles per institution. */
export async function loadActor(db: Db, sessionUser: Pick<SessionUser, 'id' | 'email' | 'platformRole'>): Promise<Actor> {
	const rows = await db.select({ institutionId: membership.institutionId, role: membership.role }).from(membership).where(eq(membership.userId, sessionUser.id));
	const memberships = new Map<string, InstitutionRole>();
	for (const row of rows) if (isInstitutionRole(row.role)) memberships.set(row.institutionId, row.role);
	return {
		userId: sessionUser.id,
		email: sessionUser.email,
		platformRole: isPlatformRole(sessionUser.platformRole) ? sessionUser.platformRole : null,
		memberships
	};
}
