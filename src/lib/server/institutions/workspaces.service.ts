import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../platform/context';
import { workspacesReadWith } from './actor';
import { institution, membership } from './institutions.tables';

/** The institutions the signed-in person belongs to, with their role in each. */
export async function listMyWorkspaces(ctx: ServiceContext) {
	if (!ctx.actor) return [];
	const known = workspacesReadWith(ctx.actor);
	if (known) return known;
	return ctx.db
		.select({ slug: institution.slug, shortName: institution.shortName, name: institution.name, role: membership.role })
		.from(membership)
		.innerJoin(institution, eq(institution.id, membership.institutionId))
		.where(eq(membership.userId, ctx.actor.userId))
		.orderBy(asc(institution.shortName));
}
