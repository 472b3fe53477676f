import { and, arrayContains, asc, count, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { isCountryCode } from '$lib/i18n/countries';
import { PROGRAMME_LEVELS, ISCED_BROAD_FIELDS } from '$lib/programmes/taxonomy';
import type { Locale } from '$lib/i18n/locales';
import { paged, pageWindow } from '$lib/pagination';
import { institutionDirectory } from '../institutions/institutions.views';
import { optionalDirectoryShortNameIn } from '../institutions/short-name';
import { notFound } from '../platform/errors';
import type { Platform, ServiceContext } from '../platform/context';
import { SCHOLARSHIPS } from './scholarships.data';
import { SCHOLARSHIP_COVERS, scholarship, type ScholarshipCover } from './scholarships.tables';

/** Adds the scholarships that are missing (institutional ones once their institution exists). */
export async function seedScholarships(platform: Platform) {
	const ids = new Map((await platform.db.select({ id: institutionDirectory.id, slug: institutionDirectory.slug }).from(institutionDirectory)).map((r) => [r.slug, r.id]));
	const rows = SCHOLARSHIPS.flatMap(({ institution: slug, ...s }) => {
		if (slug && !ids.has(slug)) return [];
		return [{ ...s, institutionId: slug ? ids.get(slug)! : null }];
	});
	if (rows.length) await platform.db.insert(scholarship).values(rows).onConflictDoNothing();
}

export interface ScholarshipFilters {
	nationality: string | null;
	level: string | null;
	field: string | null;
	country: string | null;
	covers: ScholarshipCover[];
	/** From 1; absent is the first (see $lib/pagination.ts). */
	page?: number;
}

/** The scholarship finder shows this many a page. */
export const SCHOLARSHIPS_PAGE_SIZE = 20;

/** Reads the finder's filters from the URL; unknown values are dropped and named. */
export function parseScholarshipQuery(params: URLSearchParams): { filters: ScholarshipFilters; ignored: string[] } {
	const ignored: string[] = [];
	const pick = (name: string, valid: (v: string) => boolean) => {
		const value = params.get(name)?.trim();
		if (!value) return null;
		if (valid(value)) return value;
		ignored.push(name);
		return null;
	};
	const covers = params.getAll('covers').filter((c) => {
		const ok = (SCHOLARSHIP_COVERS as readonly string[]).includes(c);
		if (!ok && c) ignored.push('covers');
		return ok;
	}) as ScholarshipCover[];
	return {
		filters: {
			nationality: pick('nationality', (v) => isCountryCode(v.toUpperCase()))?.toUpperCase() ?? null,
			level: pick('level', (v) => (PROGRAMME_LEVELS as readonly string[]).includes(v)),
			field: pick('field', (v) => (ISCED_BROAD_FIELDS as readonly string[]).includes(v)),
			country: pick('country', (v) => isCountryCode(v.toUpperCase()))?.toUpperCase() ?? null,
			covers: [...new Set(covers)],
			page: Number(pick('page', (v) => /^\d{1,9}$/.test(v) && Number(v) >= 1) ?? 1)
		},
		ignored: [...new Set(ignored)]
	};
}

const columns = (locale: Locale) => ({
	id: scholarship.id,
	slug: scholarship.slug,
	countryCode: scholarship.countryCode,
	provider: scholarship.provider,
	name: scholarship.name,
	summary: scholarship.summary,
	levels: scholarship.levels,
	covers: scholarship.covers,
	stipends: scholarship.stipends,
	stipendCurrency: scholarship.stipendCurrency,
	applicationDeadline: scholarship.applicationDeadline,
	unverified: scholarship.unverified,
	isDemo: scholarship.isDemo,
	institutionSlug: institutionDirectory.slug,
	institutionShortName: optionalDirectoryShortNameIn(locale)
});

function eligibility(filters: Omit<ScholarshipFilters, 'covers' | 'country'>): SQL[] {
	const where: SQL[] = [];
	if (filters.nationality) {
		where.push(sql`(${scholarship.eligibleNationalities} is null or ${filters.nationality} = any(${scholarship.eligibleNationalities}))`);
		where.push(sql`not (${filters.nationality} = any(${scholarship.excludedNationalities}))`);
	}
	if (filters.level) where.push(sql`${filters.level} = any(${scholarship.levels})`);
	if (filters.field) where.push(sql`(cardinality(${scholarship.fields}) = 0 or ${filters.field} = any(${scholarship.fields}))`);
	return where;
}

/** The scholarship finder: published scholarships the filters allow, national ones first, a page at a time (a page past the last is the last). */
export async function findScholarships(ctx: ServiceContext, filters: ScholarshipFilters) {
	const where = [eq(scholarship.status, 'published'), ...eligibility(filters)];
	if (filters.country) where.push(eq(scholarship.countryCode, filters.country));
	if (filters.covers.length) where.push(arrayContains(scholarship.covers, filters.covers));
	const [counted] = await ctx.db.select({ n: count() }).from(scholarship).where(and(...where));
	const total = counted?.n ?? 0;
	const window = pageWindow(total, { page: filters.page }, { pageSize: SCHOLARSHIPS_PAGE_SIZE });
	const rows = await ctx.db
		.select(columns(ctx.locale))
		.from(scholarship)
		.leftJoin(institutionDirectory, eq(institutionDirectory.id, scholarship.institutionId))
		.where(and(...where))
		.orderBy(sql`${scholarship.institutionId} is not null`, asc(scholarship.slug))
		.limit(window.pageSize)
		.offset(window.offset);
	return paged(rows, total, window);
}

/** Scholarships a programme may qualify for: national ones of its country and its institution's own. */
export async function scholarshipsForProgramme(
	ctx: ServiceContext,
	p: { countryCode: string; institutionId: string; level: string; iscedCode: string },
	nationality: string | null = null
) {
	const where = [
		eq(scholarship.status, 'published'),
		eq(scholarship.countryCode, p.countryCode),
		or(isNull(scholarship.institutionId), eq(scholarship.institutionId, p.institutionId))!,
		...eligibility({ nationality, level: p.level, field: p.iscedCode.slice(0, 2) })
	];
	return ctx.db.select(columns(ctx.locale)).from(scholarship).leftJoin(institutionDirectory, eq(institutionDirectory.id, scholarship.institutionId)).where(and(...where)).orderBy(asc(scholarship.slug));
}

export async function getScholarship(ctx: ServiceContext, slug: string) {
	const [row] = await ctx.db
		.select({ scholarship, institutionSlug: institutionDirectory.slug, institutionShortName: optionalDirectoryShortNameIn(ctx.locale) })
		.from(scholarship)
		.leftJoin(institutionDirectory, eq(institutionDirectory.id, scholarship.institutionId))
		.where(and(eq(scholarship.slug, slug), eq(scholarship.status, 'published')));
	if (!row) throw notFound();
	return row;
}
