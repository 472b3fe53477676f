import { eq } from 'drizzle-orm';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import { countryTimeZone } from '../guides/guides.views';
import { institutionDirectory } from '../institutions/institutions.views';
import type { ServiceContext } from '../platform/context';
import { notFound } from '../platform/errors';

/** The institution as the owner of content: its source language (its default), the languages it publishes in, its time zone. */
export async function contentOwner(ctx: ServiceContext, institutionId: string) {
	const [owner] = await ctx.db
		.select({ defaultLocale: institutionDirectory.defaultLocale, locales: institutionDirectory.locales, timeZone: countryTimeZone.timeZone, updatedAt: institutionDirectory.updatedAt })
		.from(institutionDirectory)
		.leftJoin(countryTimeZone, eq(countryTimeZone.countryCode, institutionDirectory.countryCode))
		.where(eq(institutionDirectory.id, institutionId));
	if (!owner) throw notFound();
	return {
		timeZone: owner.timeZone ?? 'UTC',
		sourceLocale: owner.defaultLocale as Locale,
		locales: [...new Set([owner.defaultLocale, ...owner.locales])].filter((l): l is Locale => (LOCALES as readonly string[]).includes(l)),
		profileUpdatedAt: owner.updatedAt
	};
}
