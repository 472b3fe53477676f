import { eq } from 'drizzle-orm';
import { resolveText, type LocalizedText } from '$lib/i18n/localized-text';
import type { Locale } from '$lib/i18n/locales';
import { countryTimeZone } from '../guides/guides.views';
import { institutionDirectory } from '../institutions/institutions.views';
import type { ServiceContext } from '../platform/context';

/** An institution's name in the reader's language, with its slug (for links and pickers). */
export async function institutionOption(ctx: ServiceContext, institutionId: string | null, locale: Locale) {
	if (!institutionId) return null;
	const [row] = await ctx.db
		.select({ slug: institutionDirectory.slug, name: institutionDirectory.name, shortName: institutionDirectory.shortName, defaultLocale: institutionDirectory.defaultLocale, countryCode: institutionDirectory.countryCode })
		.from(institutionDirectory)
		.where(eq(institutionDirectory.id, institutionId));
	return row ? institutionOptionOf(row, locale) : null;
}

/** The same, from a directory row already read (the person's timeline reads the destination too). */
export function institutionOptionOf(row: { slug: string; name: LocalizedText; shortName: string; defaultLocale: string; countryCode: string }, locale: Locale) {
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
		.select({ countryCode: institutionDirectory.countryCode, timeZone: countryTimeZone.timeZone })
		.from(institutionDirectory)
		.leftJoin(countryTimeZone, eq(countryTimeZone.countryCode, institutionDirectory.countryCode))
		.where(eq(institutionDirectory.id, institutionId));
	return { countryCode: place?.countryCode ?? '', timeZone: place?.timeZone ?? 'UTC' };
}
