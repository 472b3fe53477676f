import { eq } from 'drizzle-orm';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import type { LocalizedText } from '$lib/i18n/localized-text';
import { authorizeInstitution, canInstitution } from '../access/policy';
import { institution } from '../institutions/institutions.tables';
import { PROFILE_TEXTS } from '../institutions/institutions.service';
import { getFactsheetForEditing } from '../institutions/factsheet-editing.service';
import { listInstitutionCosts } from '../costs/institution-costs.service';
import { translationGaps } from '../editing/translation-status';
import { CONTENT_KINDS, type ContentKind } from '$lib/content-kinds';
import { editable } from './editable-types';
import type { ServiceContext } from '../platform/context';
import { notFound } from '../platform/errors';

/** Profiles not updated for this long are listed as "check that it is still correct". */
const PROFILE_STALE_DAYS = 180;

export interface CoverageEntry {
	type: 'profile' | 'factsheet' | 'costs' | ContentKind;
	id: string;
	title: LocalizedText;
	missing: string[];
	stale: string[];
}

/** The institution and every editable item of it, each tagged with its kind (read once per page). */
async function loadContent(ctx: ServiceContext, institutionId: string) {
	const [inst] = await ctx.db.select().from(institution).where(eq(institution.id, institutionId));
	if (!inst) throw notFound();
	const lists = await Promise.all(CONTENT_KINDS.map(async (kind) => (await editable(kind).service.list(ctx, institutionId)).map((item) => ({ ...item, kind }))));
	const factsheet = await getFactsheetForEditing(ctx, institutionId);
	const costs = await listInstitutionCosts(ctx, institutionId);
	return { inst, items: lists.flat(), factsheetGaps: factsheet.gaps, costs };
}

function coverageOf({ inst, items, factsheetGaps, costs }: Awaited<ReturnType<typeof loadContent>>) {
	const source = inst.defaultLocale as Locale;
	const profileGaps = translationGaps(PROFILE_TEXTS, inst, inst.translationSources, inst.defaultLocale as Locale);
	const byLocale = Object.fromEntries(LOCALES.map((l) => [l, [] as CoverageEntry[]])) as Record<Locale, CoverageEntry[]>;
	for (const locale of LOCALES) {
		const profileGap = profileGaps[locale];
		if (profileGap.missing.length || profileGap.stale.length) byLocale[locale].push({ type: 'profile', id: inst.id, title: inst.name, missing: profileGap.missing, stale: profileGap.stale });
		const factsheetGap = factsheetGaps[locale];
		if (factsheetGap.missing.length || factsheetGap.stale.length) byLocale[locale].push({ type: 'factsheet', id: inst.id, title: inst.name, missing: factsheetGap.missing, stale: factsheetGap.stale });
		// Price notes keep no translation sources: only missing ones are listed.
		for (const c of costs) {
			if (c.note[source]?.trim() && !c.note[locale]?.trim()) byLocale[locale].push({ type: 'costs', id: c.id, title: c.note, missing: ['note'], stale: [] });
		}
		for (const n of items) {
			const gap = n.gaps[locale];
			if (gap.missing.length || gap.stale.length) byLocale[locale].push({ type: n.kind, id: n.id, title: n.title, missing: gap.missing, stale: gap.stale });
		}
	}
	return { sourceLocale: inst.defaultLocale as Locale, byLocale };
}

/**
 * Per language, every content item with missing or outdated translations: the translators'
 * work list, the institution profile included.
 */
export async function translationCoverage(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	return coverageOf(await loadContent(ctx, institutionId));
}

/** The workspace dashboard: what waits for review, drafts, scheduled items, translation gaps. */
export async function workspaceAttention(ctx: ServiceContext, institutionId: string, now = new Date()) {
	authorizeInstitution(ctx.actor, 'institution.open_workspace', institutionId);
	if (!canInstitution(ctx.actor, 'content.translate', institutionId)) return null;
	const content = await loadContent(ctx, institutionId);
	const { inst, items } = content;
	const coverage = coverageOf(content);
	const profileAgeDays = (now.getTime() - inst.updatedAt.getTime()) / 86_400_000;
	return {
		review: items.filter((n) => n.reviewRequested),
		drafts: items.filter((n) => n.publicState === 'draft' || (n.pendingChanges && !n.reviewRequested)),
		scheduled: items.filter((n) => n.publicState === 'scheduled'),
		translations: LOCALES.map((locale) => ({
			locale,
			missing: coverage.byLocale[locale].reduce((sum, e) => sum + e.missing.length, 0),
			stale: coverage.byLocale[locale].reduce((sum, e) => sum + e.stale.length, 0)
		})).filter((t) => t.missing || t.stale),
		profileUpdatedAt: profileAgeDays > PROFILE_STALE_DAYS ? inst.updatedAt : null
	};
}
