import { asc, eq, sql } from 'drizzle-orm';
import { isInstitutionRole, isPlatformRole, type Actor, type InstitutionRole } from '../access/policy';
import type { SessionUser } from '../auth/accounts.service';
import type { Db } from '../db/database';
import { preparedQuery } from '../platform/prepared-query';
import { institution, membership } from './institutions.tables';

export interface Workspace {
	slug: string;
	shortName: string;
	name: (typeof institution.$inferSelect)['name'];
	role: string;
}

/**
 * The workspaces read with each actor: every signed-in page shows them in its menu, and they come
 * from the same rows as the actor's roles, so one query serves both within a request.
 */
const workspacesOfActor = new WeakMap<Actor, Workspace[]>();

const membershipsOfUser = preparedQuery((db) =>
	db
		.select({ institutionId: membership.institutionId, role: membership.role, slug: institution.slug, shortName: institution.shortName, name: institution.name })
		.from(membership)
		.innerJoin(institution, eq(institution.id, membership.institutionId))
		.where(eq(membership.userId, sql.placeholder('userId')))
		.orderBy(asc(institution.shortName))
		.prepare('memberships_of_user')
);

/** Who acts in a request: the signed-in user with their platform role and their roles per institution. */
export async function loadActor(db: Db, sessionUser: Pick<SessionUser, 'id' | 'email' | 'platformRole'>): Promise<Actor> {
	const rows = await membershipsOfUser(db).execute({ userId: sessionUser.id });
	const memberships = new Map<string, InstitutionRole>();
	for (const row of rows) if (isInstitutionRole(row.role)) memberships.set(row.institutionId, row.role);
	const actor: Actor = {
		userId: sessionUser.id,
		email: sessionUser.email,
		platformRole: isPlatformRole(sessionUser.platformRole) ? sessionUser.platformRole : null,
		memberships
	};
	workspacesOfActor.set(
		actor,
		rows.map(({ slug, shortName, name, role }) => ({ slug, shortName, name, role }))
	);
	return actor;
}

/** The workspaces read when `actor` was loaded (null for an actor made otherwise). */
export function workspacesReadWith(actor: Actor): Workspace[] | null {
	return workspacesOfActor.get(actor) ?? null;
}
