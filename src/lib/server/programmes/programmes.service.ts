import { and, arrayContains, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Locale } from '$lib/i18n/locales';
import { institutionDirectory } from '../institutions/institutions.views';
import { directoryShortNameIn } from '../institutions/short-name';
import { notFound } from '../platform/errors';
import type { ServiceContext } from '../platform/context';
import { referenceData } from '../http-cache/reference-cache';
import { PAGE_SIZE, type FinderFilters } from '$lib/programmes/finder';
import { programme } from './programmes.tables';

const listColumns = (locale: Locale) => ({
	id: programme.id,
	slug: programme.slug,
	title: programme.title,
	level: programme.level,
	iscedCode: programme.iscedCode,
	languages: programme.languages,
	durationMonths: programme.durationMonths,
	tuitionAmount: programme.tuitionAmount,
	tuitionCurrency: programme.tuitionCurrency,
	startTerms: programme.startTerms,
	applicationOpens: programme.applicationOpens,
	applicationDeadline: programme.applicationDeadline,
	isDemo: programme.isDemo,
	institutionSlug: institutionDirectory.slug,
	institutionShortName: directoryShortNameIn(locale),
	institutionName: institutionDirectory.name,
	institutionDefaultLocale: institutionDirectory.defaultLocale,
	city: institutionDirectory.city,
	countryCode: institutionDirectory.countryCode
});

/** The programme finder: published programmes matching the filters, one page, and the total. */
export async function findProgrammes(ctx: ServiceContext, filters: FinderFilters, today: string) {
	const where: SQL[] = [eq(programme.status, 'published')];
	if (filters.levels.length) where.push(inArray(programme.level, filters.levels));
	if (filters.field) where.push(sql`left(${programme.iscedCode}, 2) = ${filters.field}`);
	if (filters.language) where.push(arrayContains(programme.languages, [filters.language]));
	if (filters.country) where.push(eq(programme.countryCode, filters.country));
	if (filters.city) where.push(sql`${institutionDirectory.city}->>'en' = ${filters.city}`);
	if (filters.institution) where.push(eq(institutionDirectory.slug, filters.institution));
	if (filters.tuitionMax !== null) where.push(lte(programme.tuitionEur, filters.tuitionMax));
	if (filters.durationMax !== null) where.push(lte(programme.durationMonths, filters.durationMax));
	if (filters.start) where.push(arrayContains(programme.startTerms, [filters.start]));
	if (filters.open) where.push(lte(programme.applicationOpens, today), gte(programme.applicationDeadline, today));
	const condition = and(...where);

	const titleIn = (locale: Locale) => sql`coalesce(${programme.title}->>${locale}, ${programme.title}->>'en')`;
	const order = {
		deadline: [sql`${programme.applicationDeadline} asc nulls last`, asc(programme.id)],
		tuition: [sql`${programme.tuitionEur} asc nulls last`, asc(programme.id)],
		title: [asc(titleIn(ctx.locale)), asc(programme.id)],
		duration: [asc(programme.durationMonths), asc(programme.id)]
	}[filters.sort];

	const [items, [total]] = await Promise.all([
		ctx.db
			.select(listColumns(ctx.locale))
			.from(programme)
			.innerJoin(institutionDirectory, eq(institutionDirectory.id, programme.institutionId))
			.where(condition)
			.orderBy(...order)
			.limit(PAGE_SIZE)
			.offset((filters.page - 1) * PAGE_SIZE),
		// The count joins the institutions only when it filters on them (city, institution).
		filters.city || filters.institution
			? ctx.db.select({ n: count() }).from(programme).innerJoin(institutionDirectory, eq(institutionDirectory.id, programme.institutionId)).where(condition)
			: ctx.db.select({ n: count() }).from(programme).where(condition)
	]);
	const n = total?.n ?? 0;
	return { items, total: n, page: filters.page, pages: Math.max(1, Math.ceil(n / PAGE_SIZE)) };
}

const hasPublished = sql`exists (select 1 from ${programme} where ${programme.institutionId} = ${institutionDirectory.id} and ${programme.status} = 'published')`;

/**
 * What the filter form offers: the countries, cities and institutions that have published
 * programmes. Read from the institutions (an EXISTS per row on an index), never by scanning
 * the programmes.
 */
export async function finderOptions(ctx: ServiceContext) {
	// The same list for every finder address: read once per content change (reference-cache.ts).
	return referenceData(ctx.db, `finder-options:${ctx.locale}`, () =>
		ctx.db
			.select({ slug: institutionDirectory.slug, shortName: directoryShortNameIn(ctx.locale), name: institutionDirectory.name, city: institutionDirectory.city, countryCode: institutionDirectory.countryCode, defaultLocale: institutionDirectory.defaultLocale })
			.from(institutionDirectory)
			.where(hasPublished)
			.orderBy(asc(institutionDirectory.shortName))
	);
}

/** One published programme, by its institution's slug and its own. */
export async function getProgramme(ctx: ServiceContext, institutionSlug: string, slug: string) {
	const [row] = await ctx.db
		.select({ programme, institution: { slug: institutionDirectory.slug, shortName: directoryShortNameIn(ctx.locale), name: institutionDirectory.name, city: institutionDirectory.city, countryCode: institutionDirectory.countryCode, defaultLocale: institutionDirectory.defaultLocale } })
		.from(programme)
		.innerJoin(institutionDirectory, eq(institutionDirectory.id, programme.institutionId))
		.where(and(eq(institutionDirectory.slug, institutionSlug), eq(programme.slug, slug), eq(programme.status, 'published')));
	if (!row) throw notFound();
	return row;
}

/** An institution's profile lists this many programmes; the finder, filtered by the institution, has them all. */
export const PROFILE_PROGRAMMES_LIMIT = 20;

/** The published programmes of one institution for its profile: the first PROFILE_PROGRAMMES_LIMIT, and how many there are. */
export async function listInstitutionProgrammes(ctx: ServiceContext, institutionId: string) {
	// The first few and how many there are, in one query (the window counts before the limit).
	const rows = await ctx.db
		.select({ slug: programme.slug, title: programme.title, level: programme.level, languages: programme.languages, durationMonths: programme.durationMonths, total: sql<number>`count(*) over ()`.mapWith(Number) })
		.from(programme)
		.where(and(eq(programme.institutionId, institutionId), eq(programme.status, 'published')))
		.orderBy(asc(programme.level), desc(programme.durationMonths), asc(programme.slug))
		.limit(PROFILE_PROGRAMMES_LIMIT);
	return { items: rows.map(({ total: _total, ...item }) => item), total: rows[0]?.total ?? 0 };
}

/** The published programmes of one institution with their tuition, for the cost calculator. */
export async function listProgrammeFees(ctx: ServiceContext, institutionId: string) {
	return ctx.db
		.select({
			slug: programme.slug,
			title: programme.title,
			level: programme.level,
			iscedCode: programme.iscedCode,
			durationMonths: programme.durationMonths,
			tuitionAmount: programme.tuitionAmount,
			tuitionCurrency: programme.tuitionCurrency
		})
		.from(programme)
		.where(and(eq(programme.institutionId, institutionId), eq(programme.status, 'published')))
		.orderBy(asc(programme.level), desc(programme.durationMonths), asc(programme.slug));
}
