import { eq } from 'drizzle-orm';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import type { LocalizedText } from '$lib/i18n/localized-text';
import { authorizeInstitution, canInstitution } from '../access/policy';
import { institution } from '../institutions/institutions.tables';
import { PROFILE_TEXTS } from '../institutions/institutions.service';
import { translationGaps } from './translation-status';
import { eventEditing } from '../news/event-editing.service';
import { faqEditing } from '../news/faq-editing.service';
import { documentEditing } from '../news/document-editing.service';
import { listNewsForEditing } from '../news/news-editing.service';
import type { ServiceContext } from '../platform/context';
import { notFound } from '../platform/errors';

/** Profiles not updated for this long are listed as "check that it is still correct". */
const PROFILE_STALE_DAYS = 180;

export interface CoverageEntry {
	type: 'profile' | 'news' | 'events' | 'faq' | 'documents';
	id: string;
	title: LocalizedText;
	missing: string[];
	stale: string[];
}

/**
 * Per language, every content item with missing or outdated translations: the translators'
 * work list, the institution profile included.
 */
export async function translationCoverage(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	const [inst] = await ctx.db.select().from(institution).where(eq(institution.id, institutionId));
	if (!inst) throw notFound();
	const [news, events, faq, documents] = await Promise.all([listNewsForEditing(ctx, institutionId), eventEditing.list(ctx, institutionId), faqEditing.list(ctx, institutionId), documentEditing.list(ctx, institutionId)]);
	const profileGaps = translationGaps(PROFILE_TEXTS, inst, inst.translationSources, inst.defaultLocale as Locale);
	const byLocale = Object.fromEntries(LOCALES.map((l) => [l, [] as CoverageEntry[]])) as Record<Locale, CoverageEntry[]>;
	for (const locale of LOCALES) {
		const profileGap = profileGaps[locale];
		if (profileGap.missing.length || profileGap.stale.length) byLocale[locale].push({ type: 'profile', id: inst.id, title: inst.name, missing: profileGap.missing, stale: profileGap.stale });
		for (const [type, items] of [['news', news], ['events', events], ['faq', faq], ['documents', documents]] as const) {
			for (const n of items) {
				const gap = n.gaps[locale];
				if (gap && (gap.missing.length || gap.stale.length)) byLocale[locale].push({ type, id: n.id, title: n.title, missing: gap.missing, stale: gap.stale });
			}
		}
	}
	return { sourceLocale: inst.defaultLocale as Locale, byLocale };
}

/** The workspace dashboard: what waits for review, drafts, scheduled items, translation gaps. */
export async function workspaceAttention(ctx: ServiceContext, institutionId: string, now = new Date()) {
	authorizeInstitution(ctx.actor, 'institution.open_workspace', institutionId);
	if (!canInstitution(ctx.actor, 'content.translate', institutionId)) return null;
	const [inst] = await ctx.db.select({ updatedAt: institution.updatedAt }).from(institution).where(eq(institution.id, institutionId));
	if (!inst) throw notFound();
	const [news, events, faq, documents] = await Promise.all([listNewsForEditing(ctx, institutionId), eventEditing.list(ctx, institutionId), faqEditing.list(ctx, institutionId), documentEditing.list(ctx, institutionId)]);
	const items = [
		...news.map((n) => ({ ...n, kind: 'news' as const })),
		...events.map((e) => ({ ...e, kind: 'events' as const })),
		...faq.map((f) => ({ ...f, kind: 'faq' as const })),
		...documents.map((d) => ({ ...d, kind: 'documents' as const }))
	];
	const coverage = await translationCoverage(ctx, institutionId);
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
