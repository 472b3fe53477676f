import { eq } from 'drizzle-orm';
import { notFound } from '../platform/errors';
import type { Platform, ServiceContext } from '../platform/context';
import { institutionFactsheet } from './factsheet.tables';
import { institution } from './institutions.tables';

/** Writes factsheets that do not exist yet, built from the institutions' ids by slug (demo data). */
export async function seedFactsheets(platform: Platform, build: (idsBySlug: Map<string, string>) => (typeof institutionFactsheet.$inferInsert)[]) {
	const ids = new Map((await platform.db.select({ id: institution.id, slug: institution.slug }).from(institution)).map((r) => [r.slug, r.id]));
	const rows = build(ids);
	if (rows.length) await platform.db.insert(institutionFactsheet).values(rows).onConflictDoNothing();
}

/** The public factsheet of an institution, or null when it has published none. */
/** An institution's public profile with its factsheet (null when it has none), in one query: the profile page. */
export async function getPublicInstitutionWithFactsheet(ctx: ServiceContext, slug: string) {
	const [row] = await ctx.db.select({ institution, factsheet: institutionFactsheet }).from(institution).leftJoin(institutionFactsheet, eq(institutionFactsheet.institutionId, institution.id)).where(eq(institution.slug, slug));
	if (!row) throw notFound();
	return row;
}

export async function getFactsheet(ctx: ServiceContext, institutionId: string) {
	const [row] = await ctx.db.select().from(institutionFactsheet).where(eq(institutionFactsheet.institutionId, institutionId));
	return row ?? null;
}

/**
 * Where an institution is reached, for letterheads: its website and its factsheet's
 * international office (empty when it published no factsheet); null for an unknown institution.
 */
export async function institutionContact(ctx: ServiceContext, institutionId: string) {
	const [row] = await ctx.db
		.select({ website: institution.website, internationalOffice: institutionFactsheet.internationalOffice })
		.from(institution)
		.leftJoin(institutionFactsheet, eq(institutionFactsheet.institutionId, institution.id))
		.where(eq(institution.id, institutionId));
	return row ? { website: row.website, internationalOffice: row.internationalOffice ?? {} } : null;
}
