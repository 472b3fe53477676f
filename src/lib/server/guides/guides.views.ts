import { sql } from 'drizzle-orm';
import { pgView, text } from 'drizzle-orm/pg-core';

/**
 * What other modules may read of a country's guide: the time zone its deadlines and an
 * institution's local times are counted in. A view, so they join it in their own queries.
 */
export const countryTimeZone = pgView('country_time_zone', {
	countryCode: text().notNull(),
	/** IANA time zone. */
	timeZone: text().notNull()
}).as(sql`select country_code, time_zone from country_guide`);
