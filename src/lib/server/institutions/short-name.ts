import { sql, type SQL } from 'drizzle-orm';
import type { Locale } from '$lib/i18n/locales';
import { institution } from './institutions.tables';
import { institutionDirectory } from './institutions.views';

/** Where a short name is read from: the institution table (this module) or the published view (the others). */
type ShortNameColumns = Pick<typeof institution | typeof institutionDirectory, 'shortName' | 'shortNames'>;

const shortNameOf = <T extends string | null>(from: ShortNameColumns, locale: Locale): SQL<T> =>
	sql<T>`coalesce(nullif(${from.shortNames} ->> ${locale}, ''), ${from.shortName})`;

/**
 * An institution's short name as a reader of `locale` writes it (同济 on Chinese pages, Тунцзи on
 * Kazakh ones), else the Latin short name: for lists that name institutions briefly.
 */
export const shortNameIn = (locale: Locale) => shortNameOf<string>(institution, locale);

/** The same read from the published view, for other modules' queries that join `institutionDirectory`. */
export const directoryShortNameIn = (locale: Locale) => shortNameOf<string>(institutionDirectory, locale);

/** The same through a left join on `institutionDirectory`, where there may be no institution (platform-wide items). */
export const optionalDirectoryShortNameIn = (locale: Locale) => shortNameOf<string | null>(institutionDirectory, locale);
