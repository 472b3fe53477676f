import { eq } from 'drizzle-orm';
import { resolveText } from '$lib/i18n/localized-text';
import type { Locale } from '$lib/i18n/locales';
import { countryGuide } from '../guides/guides.tables';
import { institution } from '../institutions/institutions.tables';
import type { ServiceContext } from '../platform/context';

/** An institution's name in the reader's language, with its slug (for links and pickers). */
export async function institutionOption(ctx: ServiceContext, institutionId: string | null, locale: Locale) {
	if (!institutionId) return null;
	const [row] = await ctx.db.select({ slug: institution.slug, name: institution.name, shortName: institution.shortName, defaultLocale: institution.defaultLocale, countryCode: institution.countryCode }).from(institution).where(eq(institution.id, institutionId));
	if (!row) return null;
	return { slug: row.slug, shortName: row.shortName, countryCode: row.countryCode, defaultLocale: row.defaultLocale as Locale, name: resolveText(row.name, locale, row.defaultLocale as Locale)?.text ?? row.shortName };
}

/**
 * Answers a request form can start from, taken from the person's profile by the usual question
 * keys (flight, arrival_date, …): people do not type their flight twice.
 */
export function answersFromProfile(questions: { key: string }[], profile: { flightNumber: string | null; arrivalDate: string | null; arrivalTime: string | null; family: unknown[] }) {
	const known: Record<string, string | null> = {
		flight: profile.flightNumber,
		flight_number: profile.flightNumber,
		arrival_date: profile.arrivalDate,
		entry_date: profile.arrivalDate,
		arrival_time: profile.arrivalTime,
		passengers: String(1 + profile.family.length)
	};
	return Object.fromEntries(questions.flatMap((q) => (known[q.key] ? [[q.key, known[q.key]!]] : [])));
}

/** An institution's country and its time zone (UTC when the country has no guide): deadlines are local. */
export async function institutionPlace(ctx: ServiceContext, institutionId: string) {
	const [place] = await ctx.db
		.select({ countryCode: institution.countryCode, timeZone: countryGuide.timeZone })
		.from(institution)
		.leftJoin(countryGuide, eq(countryGuide.countryCode, institution.countryCode))
		.where(eq(institution.id, institutionId));
	return { countryCode: place?.countryCode ?? '', timeZone: place?.timeZone ?? 'UTC' };
}
