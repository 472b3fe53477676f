import { LOCALES, type Locale } from '$lib/i18n/locales';
import type { LocalizedText } from '$lib/i18n/localized-text';
import { authorizeInstitution, canInstitution } from '../access/policy';
import type { ServiceContext } from '../platform/context';
import { contentOwner } from './content-owner';
import { contentTypes, institutionSections, type TranslationWork, type TranslationWorkType } from './content-types';

/** Profiles not updated for this long are listed as "check that it is still correct". */
const PROFILE_STALE_DAYS = 180;
/** The dashboard names this many items of each list (waiting for review, drafts, scheduled) and counts the rest. */
export const DASHBOARD_LIST_LIMIT = 10;

const firstOf = (items: { id: string; kind: TranslationWorkType; slug: string; title: LocalizedText }[]) => ({
	total: items.length,
	items: items.slice(0, DASHBOARD_LIST_LIMIT).map(({ id, kind, slug, title }) => ({ id, kind, slug, title }))
});

export interface CoverageEntry {
	type: TranslationWorkType;
	id: string;
	title: LocalizedText;
	missing: string[];
	stale: string[];
}

/**
 * Every edited item (tagged with its kind) and every other translated part, read once per page.
 * The items come from each type's `listForAttention` (state, title and gaps; revisions read in
 * chunks, no snapshots kept), not from the paginated workspace list: these pages count them all.
 */
async function loadContent(ctx: ServiceContext, institutionId: string) {
	const owner = await contentOwner(ctx, institutionId);
	const [lists, work] = await Promise.all([
		Promise.all(contentTypes().map(async ({ kind, service }) => (await service.listForAttention(ctx, institutionId)).map((item) => ({ ...item, kind })))),
		Promise.all(institutionSections().map((section) => section.translationWork?.(ctx, institutionId, owner.sourceLocale) ?? []))
	]);
	const items = lists.flat();
	const translatable: TranslationWork[] = [...work.flat(), ...items.map((n) => ({ type: n.kind, id: n.id, title: n.title, gaps: n.gaps }))];
	return { owner, items, translatable };
}

function coverageOf({ owner, translatable }: Awaited<ReturnType<typeof loadContent>>) {
	const byLocale = Object.fromEntries(
		LOCALES.map((locale) => [
			locale,
			translatable
				.filter((w) => w.gaps[locale].missing.length || w.gaps[locale].stale.length)
				.map((w): CoverageEntry => ({ type: w.type, id: w.id, title: w.title, missing: w.gaps[locale].missing, stale: w.gaps[locale].stale }))
		])
	) as Record<Locale, CoverageEntry[]>;
	return { sourceLocale: owner.sourceLocale, byLocale };
}

/**
 * Per language, every content item with missing or outdated translations: the translators'
 * work list, the institution profile included.
 */
export async function translationCoverage(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	return coverageOf(await loadContent(ctx, institutionId));
}

/**
 * The workspace dashboard: what waits for review, drafts, scheduled items (each counted, the
 * first DASHBOARD_LIST_LIMIT named), translation gaps.
 */
export async function workspaceAttention(ctx: ServiceContext, institutionId: string, now = new Date()) {
	authorizeInstitution(ctx.actor, 'institution.open_workspace', institutionId);
	if (!canInstitution(ctx.actor, 'content.translate', institutionId)) return null;
	const content = await loadContent(ctx, institutionId);
	const { owner, items } = content;
	const coverage = coverageOf(content);
	const profileAgeDays = (now.getTime() - owner.profileUpdatedAt.getTime()) / 86_400_000;
	return {
		review: firstOf(items.filter((n) => n.reviewRequested)),
		drafts: firstOf(items.filter((n) => n.publicState === 'draft' || (n.pendingChanges && !n.reviewRequested))),
		scheduled: firstOf(items.filter((n) => n.publicState === 'scheduled')),
		translations: LOCALES.map((locale) => ({
			locale,
			missing: coverage.byLocale[locale].reduce((sum, e) => sum + e.missing.length, 0),
			stale: coverage.byLocale[locale].reduce((sum, e) => sum + e.stale.length, 0)
		})).filter((t) => t.missing || t.stale),
		profileUpdatedAt: profileAgeDays > PROFILE_STALE_DAYS ? owner.profileUpdatedAt : null
	};
}
