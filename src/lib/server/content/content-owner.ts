import { eq } from 'drizzle-orm';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import { countryGuide } from '../guides/guides.tables';
import { institution } from '../institutions/institutions.tables';
import type { ServiceContext } from '../platform/context';
import { notFound } from '../platform/errors';

/** The institution's languages: the source (its default) and those it publishes in. */
export async function contentOwner(ctx: ServiceContext, institutionId: string) {
	const [owner] = await ctx.db
		.select({ defaultLocale: institution.defaultLocale, locales: institution.locales, timeZone: countryGuide.timeZone })
		.from(institution)
		.leftJoin(countryGuide, eq(countryGuide.countryCode, institution.countryCode))
		.where(eq(institution.id, institutionId));
	if (!owner) throw notFound();
	return {
		timeZone: owner.timeZone ?? 'UTC',
		sourceLocale: owner.defaultLocale as Locale,
		locales: [...new Set([owner.defaultLocale, ...owner.locales])].filter((l): l is Locale => (LOCALES as readonly string[]).includes(l))
	};
}
