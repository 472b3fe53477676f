import { eq } from 'drizzle-orm';
import { authorizeInstitution } from '../access/policy';
import { getFactsheet } from '../institutions/factsheet.service';
import { institution } from '../institutions/institutions.tables';
import { mediaAsset } from '../media/media.tables';
import { event, faqItem, libraryDocument, newsItem } from '../news/news.tables';
import { scholarship } from '../scholarships/scholarships.tables';
import { costItem } from '../costs/costs.tables';
import type { ServiceContext } from '../platform/context';
import { notFound } from '../platform/errors';
import { listProgrammesForExport } from '../programmes/programme-import.service';
import { revisionsByNumber, type ContentType } from './revisions.service';

/**
 * Everything the portal holds about one institution, in every language, as one JSON document:
 * the institution can keep it, move it or check it. Edited content (news, events, questions,
 * documents, scholarships) carries both what the public sees and the newest draft; media lists
 * the files with their public addresses.
 */
export async function exportInstitutionContent(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'content.edit', institutionId);
	const [profile] = await ctx.db.select().from(institution).where(eq(institution.id, institutionId));
	if (!profile) throw notFound();
	const [factsheet, programmes, news, events, faq, documents, scholarships, costs, media] = await Promise.all([
		getFactsheet(ctx, institutionId),
		listProgrammesForExport(ctx, institutionId),
		ctx.db.select().from(newsItem).where(eq(newsItem.institutionId, institutionId)),
		ctx.db.select().from(event).where(eq(event.institutionId, institutionId)),
		ctx.db.select().from(faqItem).where(eq(faqItem.institutionId, institutionId)),
		ctx.db.select().from(libraryDocument).where(eq(libraryDocument.institutionId, institutionId)),
		ctx.db.select().from(scholarship).where(eq(scholarship.institutionId, institutionId)),
		ctx.db.select().from(costItem).where(eq(costItem.institutionId, institutionId)),
		ctx.db.select().from(mediaAsset).where(eq(mediaAsset.institutionId, institutionId))
	]);
	/** Each row as the public sees it, plus the newest revision when it has unpublished changes. */
	async function withDrafts<Row extends { id: string; version: number; latestRevision: number; liveRevision: number | null }>(type: ContentType, rows: Row[]) {
		const drafts = await revisionsByNumber(
			ctx,
			type,
			rows.filter((r) => r.latestRevision > (r.liveRevision ?? 0)).map((r) => ({ entityId: r.id, number: r.latestRevision }))
		);
		return rows.map(({ version: _version, ...r }) => ({ ...r, newestDraft: drafts.get(r.id)?.data ?? null }));
	}
	const { version: _v, ...publicProfile } = profile;
	return {
		format: 'welcome-institution-export/1',
		exportedAt: new Date().toISOString(),
		institution: publicProfile,
		factsheet,
		programmes,
		news: await withDrafts('news', news),
		events: await withDrafts('event', events),
		faq: await withDrafts('faq', faq),
		documents: await withDrafts('document', documents),
		scholarships: await withDrafts('scholarship', scholarships),
		costs: costs.map(({ version: _version, ...c }) => c),
		media: media.map((m) => ({ id: m.id, kind: m.kind, mime: m.mime, name: m.originalName, alt: m.alt, width: m.width, height: m.height, files: m.variants.map((v) => `/media/${m.id}/${v.key.split('/').pop()}`), createdAt: m.createdAt }))
	};
}
