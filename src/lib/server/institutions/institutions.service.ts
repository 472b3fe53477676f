import { and, asc, count, eq, ne, notInArray, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { diffSnapshots } from '../editing/revision-diff';
import { nextTranslationSources } from '../editing/translation-status';
import { cleanLocalizedText, type LocalizedText } from '$lib/i18n/localized-text';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { authorizeInstitution, authorizePlatform } from '../access/policy';
import { auditChangesSince, diffFields, recordAudit } from '../audit/audit.service';
import { AppError, invalidInput, notFound, staleEdit } from '../platform/errors';
import { inTransaction, type ServiceContext } from '../platform/context';
import { parseInput } from '../platform/validation';
import { invalidatePages } from '../http-cache/page-cache';
import { createInstitutionSchema, profileInputSchema, profileTranslationsSchema } from './institutions.schemas';
import { institution } from './institutions.tables';
import { shortNameIn } from './short-name';

export type Institution = typeof institution.$inferSelect;

const publicColumns = (locale: Locale) => ({
	id: institution.id,
	slug: institution.slug,
	shortName: shortNameIn(locale),
	name: institution.name,
	city: institution.city,
	countryCode: institution.countryCode,
	defaultLocale: institution.defaultLocale,
	locales: institution.locales,
	isDemo: institution.isDemo
});

/** Public: institutions for the portal, by country, a page at a time. */
export async function listInstitutions(
	ctx: ServiceContext,
	options: { countryCode?: string | null; excludeCountries?: string[]; limit?: number; offset?: number } = {}
) {
	return ctx.db
		.select(publicColumns(ctx.locale))
		.from(institution)
		.where(
			and(
				options.countryCode ? eq(institution.countryCode, options.countryCode) : undefined,
				options.excludeCountries?.length ? notInArray(institution.countryCode, options.excludeCountries) : undefined
			)
		)
		.orderBy(asc(institution.countryCode), asc(institution.shortName))
		.limit(options.limit ?? 10_000)
		.offset(options.offset ?? 0);
}

/**
 * Public: the first `perGroup` institutions of each focus country, then of all the others, in
 * one statement (one index range per group): the home page's showcase.
 */
export async function listInstitutionsPerGroup(ctx: ServiceContext, options: { focus: string[]; perGroup: number }) {
	const group = (where: ReturnType<typeof eq>) =>
		ctx.db.select(publicColumns(ctx.locale)).from(institution).where(where).orderBy(asc(institution.countryCode), asc(institution.shortName)).limit(options.perGroup);
	const [first, second, ...rest] = [...options.focus.map((code) => group(eq(institution.countryCode, code))), group(notInArray(institution.countryCode, options.focus))];
	const rows = second ? await unionAll(first, second, ...rest) : await first;
	// Each branch comes sorted; UNION ALL does not promise to keep the branches in order, so a
	// stable sort by group puts the focus countries first, in the order given.
	const rank = (code: string) => (options.focus.includes(code) ? options.focus.indexOf(code) : options.focus.length);
	return rows.sort((a, b) => rank(a.countryCode) - rank(b.countryCode));
}

/** How many institutions each country has. */
export async function countInstitutionsByCountry(ctx: ServiceContext) {
	return ctx.db
		.select({ countryCode: institution.countryCode, n: count() })
		.from(institution)
		.groupBy(institution.countryCode)
		.orderBy(asc(institution.countryCode));
}

/**
 * An institution for its workspace. Someone without a role there gets 404, whether or not it
 * exists: the same answer as for a slug that was never used.
 */
export async function getInstitutionForWorkspace(ctx: ServiceContext, slug: string) {
	const [row] = await ctx.db.select().from(institution).where(eq(institution.slug, slug));
	if (!row) throw notFound();
	authorizeInstitution(ctx.actor, 'institution.open_workspace', row.id);
	return row;
}

type InstitutionRow = typeof institution.$inferSelect;

/**
 * Writes profile fields if nobody saved since `version` was read (optimistic locking), clears
 * the page cache and records the change, in the caller's transaction.
 */
async function writeProfile(tx: ServiceContext, before: InstitutionRow, next: Partial<InstitutionRow>, version: number, action: string) {
	// Translations written now are based on the current original; untouched ones keep their base.
	const sourceLocale = (next.defaultLocale ?? before.defaultLocale) as Locale;
	const translationSources = nextTranslationSources(PROFILE_TEXTS, before, { ...before, ...next }, before.translationSources, sourceLocale);
	const [updated] = await tx.db
		.update(institution)
		.set({ ...next, translationSources, version: sql`${institution.version} + 1`, updatedAt: new Date() })
		.where(and(eq(institution.id, before.id), eq(institution.version, version)))
		.returning();
	if (!updated) throw staleEdit();
	invalidatePages(tx);
	const changed = Object.fromEntries(Object.keys(next).map((k) => [k, before[k as keyof InstitutionRow]]));
	await recordAudit(tx, { entityType: 'institution', entityId: before.id, institutionId: before.id, action, changes: diffFields(changed, next) });
	return updated;
}

async function loadForUpdate(tx: ServiceContext, institutionId: string) {
	const [before] = await tx.db.select().from(institution).where(eq(institution.id, institutionId));
	if (!before) throw notFound();
	return before;
}

type PhotoCheck = (ctx: ServiceContext, institutionId: string, id: string) => Promise<boolean>;
let isInstitutionImage: PhotoCheck = async () => false;

/**
 * Whether an id is one of the institution's images, as a profile photo must be: the media
 * library answers (registered at boot; media depends on institutions, not the other way).
 */
export function registerProfilePhotoCheck(check: PhotoCheck) {
	isInstitutionImage = check;
}

/** A profile whose photo is `photoId` shows none (the media library deletes the image). */
export async function clearProfilePhoto(ctx: ServiceContext, institutionId: string, photoId: string) {
	await ctx.db.update(institution).set({ photoId: null }).where(and(eq(institution.id, institutionId), eq(institution.photoId, photoId)));
}

/** Saves the whole profile (editors and admins). */
export async function updateInstitutionProfile(ctx: ServiceContext, institutionId: string, input: unknown) {
	authorizeInstitution(ctx.actor, 'institution.update_profile', institutionId);
	const data = parseInput(profileInputSchema, input);
	const next = {
		name: cleanLocalizedText(data.name),
		...(data.shortNames ? { shortNames: cleanLocalizedText(data.shortNames) } : {}),
		description: cleanLocalizedText(data.description),
		city: cleanLocalizedText(data.city),
		website: data.website || null,
		...(data.heiId === undefined ? {} : { heiId: data.heiId || null }),
		...(data.erasmusCode === undefined ? {} : { erasmusCode: data.erasmusCode || null }),
		defaultLocale: data.defaultLocale,
		locales: data.locales.filter(isLocale),
		...(data.photoId === undefined ? {} : { photoId: data.photoId || null })
	};
	if (next.photoId && !(await isInstitutionImage(ctx, institutionId, next.photoId))) throw invalidInput({ photoId: 'error_choose_one' });
	return inTransaction(ctx, async (tx) => {
		if (next.heiId) {
			const [other] = await tx.db.select({ id: institution.id }).from(institution).where(and(eq(institution.heiId, next.heiId), ne(institution.id, institutionId)));
			if (other) throw invalidInput({ heiId: 'error_hei_id_taken' });
		}
		return writeProfile(tx, await loadForUpdate(tx, institutionId), next, data.version, 'institution.update_profile');
	});
}

export const PROFILE_TEXTS = ['name', 'city', 'description'] as const;

/**
 * Translators save the profile's translations: every language except the institution's own,
 * whose text (the original) is kept as it is whatever the form sends.
 */
export async function updateInstitutionTranslations(ctx: ServiceContext, institutionId: string, input: unknown) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	const data = parseInput(profileTranslationsSchema, input);
	return inTransaction(ctx, async (tx) => {
		const before = await loadForUpdate(tx, institutionId);
		const source = before.defaultLocale as Locale;
		const next = Object.fromEntries(
			PROFILE_TEXTS.map((field) => [field, cleanLocalizedText({ ...data[field], [source]: (before[field] as LocalizedText)[source] })])
		) as Partial<Record<(typeof PROFILE_TEXTS)[number] | 'shortNames', LocalizedText>>;
		if (data.shortNames) next.shortNames = cleanLocalizedText(data.shortNames);
		return writeProfile(tx, before, next, data.version, 'institution.translate_profile');
	});
}

/**
 * What others changed in the profile since `since` (the moment someone opened the form), read
 * from the audit trail: shown when their save arrives second, as a readable diff.
 */
export async function profileChangesSince(ctx: ServiceContext, institutionId: string, since: Date) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	const { by, at, before, after } = await auditChangesSince(ctx, {
		institutionId,
		entityType: 'institution',
		entityId: institutionId,
		actions: ['institution.update_profile', 'institution.translate_profile'],
		since
	});
	return { by, at, changes: diffSnapshots(before, after, { localized: PROFILE_TEXTS.filter((f) => f in after), plain: ['website', 'heiId', 'erasmusCode', 'defaultLocale', 'locales'].filter((f) => f in after) }) };
}

export async function createInstitution(ctx: ServiceContext, input: unknown) {
	authorizePlatform(ctx.actor, 'platform.manage_institutions');
	const data = parseInput(createInstitutionSchema, input);
	return inTransaction(ctx, async (tx) => {
		const [taken] = await tx.db.select({ id: institution.id }).from(institution).where(eq(institution.slug, data.slug));
		if (taken) throw new AppError('invalid_input', 'error_check_fields', { slug: 'error_slug_taken' });
		const [created] = await tx.db
			.insert(institution)
			.values({
				slug: data.slug,
				shortName: data.shortName,
				name: { en: data.nameEn },
				city: { en: data.cityEn },
				countryCode: data.countryCode,
				defaultLocale: data.defaultLocale,
				locales: Array.from(new Set(['en', data.defaultLocale]))
			})
			.onConflictDoNothing()
			.returning();
		if (!created) throw new AppError('invalid_input', 'error_check_fields', { slug: 'error_slug_taken' });
		invalidatePages(tx);
		await recordAudit(tx, {
			entityType: 'institution',
			entityId: created.id,
			institutionId: created.id,
			action: 'institution.create',
			changes: diffFields(null, { slug: data.slug, shortName: data.shortName, countryCode: data.countryCode })
		});
		return created;
	});
}
