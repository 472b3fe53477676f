import { eq } from 'drizzle-orm';
import type { Platform, ServiceContext } from '../platform/context';
import { demoFactsheets } from './factsheet.data';
import { institutionFactsheet } from './factsheet.tables';
import { institution } from './institutions.tables';

export async function seedDemoFactsheets(platform: Platform) {
	const ids = new Map((await platform.db.select({ id: institution.id, slug: institution.slug }).from(institution)).map((r) => [r.slug, r.id]));
	const rows = demoFactsheets(ids);
	if (rows.length) await platform.db.insert(institutionFactsheet).values(rows).onConflictDoNothing();
}

/** The public factsheet of an institution, or null when it has published none. */
export async function getFactsheet(ctx: ServiceContext, institutionId: string) {
	const [row] = await ctx.db.select().from(institutionFactsheet).where(eq(institutionFactsheet.institutionId, institutionId));
	return row ?? null;
}
