import { sql, type SQL } from 'drizzle-orm';
import type { Locale } from '$lib/i18n/locales';
import { institution } from './institutions.tables';

/**
 * An institution's short name as a reader of `locale` writes it (同济 on Chinese pages, Тунцзи on
 * Kazakh ones), else the Latin short name: for lists that name institutions briefly.
 */
export const shortNameIn = (locale: Locale): SQL<string> =>
	sql<string>`coalesce(nullif(${institution.shortNames} ->> ${locale}, ''), ${institution.shortName})`;

/** The same through a left join, where there may be no institution (platform-wide items). */
export const optionalShortNameIn = (locale: Locale): SQL<string | null> =>
	sql<string | null>`coalesce(nullif(${institution.shortNames} ->> ${locale}, ''), ${institution.shortName})`;
