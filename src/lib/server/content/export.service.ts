import { eq } from 'drizzle-orm';
import { authorizeInstitution } from '../access/policy';
import { getFactsheet } from '../institutions/factsheet.service';
import { institution } from '../institutions/institutions.tables';
import { mediaAsset } from '../media/media.tables';
import { event, libraryDocument, newsItem } from '../news/news.tables';
import type { ServiceContext } from '../platform/context';
import { notFound } from '../platform/errors';
import { listProgrammesForExport } from '../programmes/programme-import.service';
import { revisionsByNumber } from './revisions.service';

/**
 * Everything the portal holds about one institution, in every language, as one JSON document:
 * the institution can keep it, move it or check it. News carries both what the public sees and
 * the newest draft; media lists the files with their public addresses.
 */
export async function exportInstitutionContent(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'content.edit', institutionId);
	const [profile] = await ctx.db.select().from(institution).where(eq(institution.id, institutionId));
	if (!profile) throw notFound();
	const [factsheet, programmes, news, events, documents, media] = await Promise.all([
		getFactsheet(ctx, institutionId),
		listProgrammesForExport(ctx, institutionId),
		ctx.db.select().from(newsItem).where(eq(newsItem.institutionId, institutionId)),
		ctx.db.select().from(event).where(eq(event.institutionId, institutionId)),
		ctx.db.select().from(libraryDocument).where(eq(libraryDocument.institutionId, institutionId)),
		ctx.db.select().from(mediaAsset).where(eq(mediaAsset.institutionId, institutionId))
	]);
	const drafts = await revisionsByNumber(
		ctx,
		'news',
		news.filter((n) => n.latestRevision > (n.liveRevision ?? 0)).map((n) => ({ entityId: n.id, number: n.latestRevision }))
	);
	const { version: _v, ...publicProfile } = profile;
	return {
		format: 'welcome-institution-export/1',
		exportedAt: new Date().toISOString(),
		institution: publicProfile,
		factsheet,
		programmes,
		news: news.map(({ version: _version, ...n }) => ({ ...n, newestDraft: drafts.get(n.id)?.data ?? null })),
		events,
		documents,
		media: media.map((m) => ({ id: m.id, kind: m.kind, mime: m.mime, name: m.originalName, alt: m.alt, width: m.width, height: m.height, files: m.variants.map((v) => `/media/${m.id}/${v.key.split('/').pop()}`), createdAt: m.createdAt }))
	};
}
