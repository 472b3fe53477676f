import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cleanLocalizedText, type LocalizedText } from '$lib/i18n/localized-text';
import { authorizePlatform } from '../access/policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { isoDateInput, localizedInput, sourceUrlInput } from '../editing/content-inputs';
import { invalidatePages } from '../http-cache/page-cache';
import { inTransaction, type ServiceContext } from '../platform/context';
import { notFound, staleEdit } from '../platform/errors';
import { parseInput } from '../platform/validation';
import { countryGuide } from './guides.tables';

/**
 * Country editors and platform admins keep the country guides' texts current: each in four
 * languages, with the source they come from and the day someone checked it (shown on the
 * guide). Visa routes, arrival steps and the calendar: rules-editing.service.ts.
 */
export const GUIDE_TEXT_FIELDS = ['summary', 'creditSystem', 'gradeScale', 'academicCalendar', 'insurance'] as const;

const guideInputSchema = z.object({
	summary: localizedInput(3_000),
	creditSystem: localizedInput(3_000),
	gradeScale: localizedInput(3_000),
	academicCalendar: localizedInput(3_000),
	insurance: localizedInput(3_000),
	sourceUrl: sourceUrlInput,
	verifiedOn: isoDateInput,
	unverified: z.union([z.boolean(), z.string()]).transform((v) => v === true || v === 'on'),
	version: z.coerce.number().int().positive()
});

export async function getGuideForEditing(ctx: ServiceContext, countryCode: string) {
	authorizePlatform(ctx.actor, 'guides.edit');
	const [row] = await ctx.db.select().from(countryGuide).where(eq(countryGuide.countryCode, countryCode.toUpperCase()));
	if (!row) throw notFound();
	return row;
}

export async function updateGuideTexts(ctx: ServiceContext, countryCode: string, input: unknown) {
	authorizePlatform(ctx.actor, 'guides.edit');
	const data = parseInput(guideInputSchema, input);
	const next = {
		...(Object.fromEntries(GUIDE_TEXT_FIELDS.map((f) => [f, cleanLocalizedText(data[f])])) as Record<(typeof GUIDE_TEXT_FIELDS)[number], LocalizedText>),
		sourceUrl: data.sourceUrl,
		verifiedOn: data.verifiedOn,
		unverified: data.unverified
	};
	return inTransaction(ctx, async (tx) => {
		const before = await getGuideForEditing(tx, countryCode);
		const [updated] = await tx.db
			.update(countryGuide)
			.set({ ...next, version: sql`${countryGuide.version} + 1`, updatedAt: new Date() })
			.where(and(eq(countryGuide.countryCode, before.countryCode), eq(countryGuide.version, data.version)))
			.returning();
		if (!updated) throw staleEdit();
		invalidatePages(tx);
		const changed = Object.fromEntries(Object.keys(next).map((k) => [k, before[k as keyof typeof before]]));
		await recordAudit(tx, { entityType: 'country_guide', entityId: before.countryCode, action: 'guide.update', changes: diffFields(changed, next) });
		return updated;
	});
}

/** Every guide with the day its facts were last checked (oldest first: what to check next). */
export async function listGuidesForEditing(ctx: ServiceContext) {
	authorizePlatform(ctx.actor, 'guides.edit');
	return ctx.db
		.select({ countryCode: countryGuide.countryCode, verifiedOn: countryGuide.verifiedOn, depth: countryGuide.depth })
		.from(countryGuide)
		.orderBy(sql`${countryGuide.verifiedOn} asc nulls first`, countryGuide.countryCode);
}
