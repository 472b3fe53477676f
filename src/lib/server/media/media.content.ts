import { eq } from 'drizzle-orm';
import type { InstitutionContentSection } from '../content/content-types';
import { mediaAsset } from './media.tables';

/** The media library as part of an institution's export (registered at boot): the files with their public addresses. */
export const MEDIA_CONTENT: InstitutionContentSection = {
	key: 'media',
	async export(ctx, institutionId) {
		const media = await ctx.db.select().from(mediaAsset).where(eq(mediaAsset.institutionId, institutionId));
		return media.map((m) => ({ id: m.id, kind: m.kind, mime: m.mime, name: m.originalName, alt: m.alt, width: m.width, height: m.height, files: m.variants.map((v) => `/media/${m.id}/${v.key.split('/').pop()}`), createdAt: m.createdAt }));
	}
};
