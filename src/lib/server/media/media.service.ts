import { and, count, desc, eq, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import { cleanLocalizedText, type LocalizedText } from '$lib/i18n/localized-text';
import type { MessageKey } from '$lib/i18n/messages';
import { paged, pageWindow, type PageRequest, type Paged } from '$lib/pagination';
import { authorizeInstitution, canInstitution } from '../access/policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { invalidatePages } from '../http-cache/page-cache';
import { clearProfilePhoto } from '../institutions/institutions.service';
import { inTransaction, type ServiceContext } from '../platform/context';
import { invalidInput, notFound, staleEdit } from '../platform/errors';
import { parseVersion, isUuid } from '../platform/validation';
import { contentOwner } from '../content/content-owner';
import { processImage } from './images';
import { mediaAsset, type MediaVariant } from './media.tables';

/**
 * The media library: images and documents an institution uploads. The type is read from the
 * file's first bytes (file-type), never from its name or the browser's claim; images become
 * responsive copies without metadata (images.ts); every image needs a text alternative in
 * each language the institution publishes in.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
const DOCUMENT_TYPES = new Map([['application/pdf', 'pdf']]);
const ALT_MAX = 300;


function checkAlt(alt: LocalizedText, required: readonly Locale[]) {
	const fields: Partial<Record<string, MessageKey>> = {};
	for (const l of LOCALES) if ((alt[l]?.length ?? 0) > ALT_MAX) fields[`alt.${l}`] = 'error_too_long';
	for (const l of required) if (!alt[l]) fields[`alt.${l}`] = 'error_alt_required';
	if (Object.keys(fields).length) throw invalidInput(fields);
}

const safeName = (name: string | null) =>
	(name ?? 'file')
		.normalize('NFC')
		// Control characters, quotes and slashes would break headers and paths.
		.replace(/[\p{Cc}"\\/]/gu, '')
		.slice(0, 150) || 'file';

export async function uploadMedia(ctx: ServiceContext, institutionId: string, file: { bytes: Uint8Array; name: string | null }, altInput: Partial<Record<string, string>>) {
	authorizeInstitution(ctx.actor, 'content.edit', institutionId);
	if (!file.bytes.byteLength) throw invalidInput({ file: 'error_file_required' });
	if (file.bytes.byteLength > MAX_UPLOAD_BYTES) throw invalidInput({ file: 'error_media_too_large' });
	const detected = await fileTypeFromBuffer(file.bytes);
	const isImage = !!detected && IMAGE_TYPES.has(detected.mime);
	const documentExtension = detected ? DOCUMENT_TYPES.get(detected.mime) : undefined;
	if (!isImage && !documentExtension) throw invalidInput({ file: 'error_media_type' });
	const { locales } = await contentOwner(ctx, institutionId);
	const alt = cleanLocalizedText(altInput);
	if (isImage) checkAlt(alt, locales);

	const id = crypto.randomUUID();
	let variants: MediaVariant[];
	let size: { width: number; height: number } | null = null;
	if (isImage) {
		let processed;
		try {
			processed = await processImage(file.bytes);
		} catch {
			throw invalidInput({ file: 'error_media_unreadable' });
		}
		size = { width: processed.width, height: processed.height };
		variants = processed.variants.map((v) => ({ width: v.width, height: v.height, format: v.format, bytes: v.body.byteLength, key: `media/${id}/${v.width}.${v.format === 'jpeg' ? 'jpg' : 'webp'}` }));
		await Promise.all(processed.variants.map((v, i) => ctx.media.put(variants[i]!.key, v.body, `image/${v.format}`)));
	} else {
		variants = [{ width: 0, height: 0, format: 'jpeg', bytes: file.bytes.byteLength, key: `media/${id}/document.${documentExtension}` }];
		await ctx.media.put(variants[0]!.key, file.bytes, detected!.mime);
	}
	try {
		return await inTransaction(ctx, async (tx) => {
			const [row] = await tx.db
				.insert(mediaAsset)
				.values({
					id,
					institutionId,
					kind: isImage ? 'image' : 'document',
					mime: detected!.mime,
					originalName: safeName(file.name),
					bytes: file.bytes.byteLength,
					width: size?.width ?? null,
					height: size?.height ?? null,
					alt,
					variants,
					createdByUserId: ctx.actor?.userId ?? null
				})
				.returning();
			await recordAudit(tx, { entityType: 'media', entityId: id, institutionId, action: 'media.upload', changes: diffFields(null, { name: row!.originalName, mime: row!.mime, alt }) });
			return row!;
		});
	} catch (err) {
		// No row, no files: remove what was stored.
		await Promise.all(variants.map((v) => ctx.media.delete(v.key)));
		throw err;
	}
}

/** The library's grid: this many a page (divisible by the grid's usual 2, 3, 4 or 6 columns). */
export const MEDIA_PAGE_SIZE = 48;
/** The profile photo's choice offers at most this many images, the newest. */
export const IMAGE_CHOICES_LIMIT = 100;

/** The institution's images and documents, newest first, a page at a time ($lib/pagination.ts). */
export async function listMedia(ctx: ServiceContext, institutionId: string, options: { kind?: 'image' | 'document' } & PageRequest = {}): Promise<Paged<typeof mediaAsset.$inferSelect>> {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	const where = and(eq(mediaAsset.institutionId, institutionId), options.kind ? eq(mediaAsset.kind, options.kind) : undefined);
	const [counted] = await ctx.db.select({ n: count() }).from(mediaAsset).where(where);
	const total = counted?.n ?? 0;
	const window = pageWindow(total, options, { pageSize: MEDIA_PAGE_SIZE });
	const rows = await ctx.db.select().from(mediaAsset).where(where).orderBy(desc(mediaAsset.createdAt), desc(mediaAsset.id)).limit(window.pageSize).offset(window.offset);
	return paged(rows, total, window);
}

/**
 * The images to choose a profile photo from: the newest IMAGE_CHOICES_LIMIT, plus the one
 * chosen now if it is older, and how many there are in all (the page says when some are left out).
 */
export async function imageChoices(ctx: ServiceContext, institutionId: string, current: string | null = null) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	const mine = and(eq(mediaAsset.institutionId, institutionId), eq(mediaAsset.kind, 'image'));
	const columns = { id: mediaAsset.id, alt: mediaAsset.alt, originalName: mediaAsset.originalName };
	const [counted] = await ctx.db.select({ n: count() }).from(mediaAsset).where(mine);
	const newest = await ctx.db.select(columns).from(mediaAsset).where(mine).orderBy(desc(mediaAsset.createdAt), desc(mediaAsset.id)).limit(IMAGE_CHOICES_LIMIT);
	const older = current && isUuid(current) && !newest.some((i) => i.id === current) ? await ctx.db.select(columns).from(mediaAsset).where(and(mine, eq(mediaAsset.id, current))) : [];
	return { items: [...newest, ...older], total: counted?.n ?? 0, limit: IMAGE_CHOICES_LIMIT };
}

async function loadOwned(ctx: ServiceContext, institutionId: string, id: string) {
	if (!isUuid(id)) throw notFound();
	const [row] = await ctx.db
		.select()
		.from(mediaAsset)
		.where(and(eq(mediaAsset.id, id), eq(mediaAsset.institutionId, institutionId)));
	if (!row) throw notFound();
	return row;
}

export async function getMediaForEditing(ctx: ServiceContext, institutionId: string, id: string) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	return loadOwned(ctx, institutionId, id);
}

/** Text alternatives: editors change any language, translators all but the source language. */
export async function updateMediaAlt(ctx: ServiceContext, institutionId: string, id: string, altInput: Partial<Record<string, string>>, version: unknown) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	const fullEdit = canInstitution(ctx.actor, 'content.edit', institutionId);
	const { sourceLocale, locales } = await contentOwner(ctx, institutionId);
	return inTransaction(ctx, async (tx) => {
		const row = await loadOwned(tx, institutionId, id);
		let alt = cleanLocalizedText(altInput);
		if (!fullEdit) alt = cleanLocalizedText({ ...alt, [sourceLocale]: row.alt[sourceLocale] ?? '' });
		if (row.kind === 'image') checkAlt(alt, locales);
		const [updated] = await tx.db
			.update(mediaAsset)
			.set({ alt, version: sql`${mediaAsset.version} + 1`, updatedAt: new Date() })
			.where(and(eq(mediaAsset.id, id), eq(mediaAsset.version, parseVersion(version))))
			.returning();
		if (!updated) throw staleEdit();
		invalidatePages(tx);
		await recordAudit(tx, { entityType: 'media', entityId: id, institutionId, action: 'media.update_alt', changes: diffFields({ alt: row.alt }, { alt }) });
		return updated;
	});
}

/** Deletes the file and its copies; a profile using it as its photo shows none. */
export async function deleteMedia(ctx: ServiceContext, institutionId: string, id: string) {
	authorizeInstitution(ctx.actor, 'content.edit', institutionId);
	const row = await inTransaction(ctx, async (tx) => {
		const found = await loadOwned(tx, institutionId, id);
		await clearProfilePhoto(tx, institutionId, id);
		await tx.db.delete(mediaAsset).where(eq(mediaAsset.id, id));
		await recordAudit(tx, { entityType: 'media', entityId: id, institutionId, action: 'media.delete', changes: diffFields({ name: found.originalName }, { name: null }) });
		return found;
	});
	await Promise.all(row.variants.map((v) => ctx.media.delete(v.key)));
	invalidatePages(ctx);
}

const FILE = /^(\d{1,5}\.(webp|jpg)|document\.pdf)$/;

/** A stored file for the public `/media/<id>/<file>` address. */
export async function readMediaFile(ctx: ServiceContext, id: string, file: string) {
	if (!isUuid(id) || !FILE.test(file)) throw notFound();
	const [row] = await ctx.db.select({ variants: mediaAsset.variants, mime: mediaAsset.mime, originalName: mediaAsset.originalName }).from(mediaAsset).where(eq(mediaAsset.id, id));
	const variant = row?.variants.find((v) => v.key === `media/${id}/${file}`);
	if (!row || !variant) throw notFound();
	const body = await ctx.media.get(variant.key);
	if (!body) throw notFound();
	const type = file.endsWith('.pdf') ? 'application/pdf' : file.endsWith('.webp') ? 'image/webp' : 'image/jpeg';
	return { body, type, name: row.originalName };
}

/** A public image with its sources and text alternatives, e.g. a profile photo; null if gone. */
export async function publicImage(ctx: ServiceContext, id: string | null) {
	if (!id) return null;
	const [row] = await ctx.db.select().from(mediaAsset).where(and(eq(mediaAsset.id, id), eq(mediaAsset.kind, 'image')));
	return row ? { alt: row.alt, ...imageSources(row.id, row.variants) } : null;
}

/** Whether `id` is one of the institution's images (for choosing a profile photo). */
export async function isInstitutionImage(ctx: ServiceContext, institutionId: string, id: string) {
	if (!isUuid(id)) return false;
	const [row] = await ctx.db
		.select({ id: mediaAsset.id })
		.from(mediaAsset)
		.where(and(eq(mediaAsset.id, id), eq(mediaAsset.institutionId, institutionId), eq(mediaAsset.kind, 'image')));
	return !!row;
}

/** `srcset` values for an image: WebP and JPEG copies by width. */
export function imageSources(id: string, variants: MediaVariant[]) {
	const set = (format: MediaVariant['format']) =>
		variants
			.filter((v) => v.format === format)
			.map((v) => `/media/${id}/${v.key.split('/').pop()} ${v.width}w`)
			.join(', ');
	const largestJpeg = variants.filter((v) => v.format === 'jpeg').sort((a, b) => b.width - a.width)[0];
	return { webp: set('webp'), jpeg: set('jpeg'), fallback: largestJpeg ? `/media/${id}/${largestJpeg.key.split('/').pop()}` : '', width: largestJpeg?.width ?? 0, height: largestJpeg?.height ?? 0 };
}
