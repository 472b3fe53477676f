import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', '));

/** A CHECK that a text column holds one of `values` (the code's list, so the two never drift). */
export const oneOf = (column: PgColumn, values: readonly string[]): SQL => sql`${column} in (${quoted(values)})`;

/** A CHECK that a text[] column holds only `values`. */
export const allOf = (column: PgColumn, values: readonly string[]): SQL => sql`${column} <@ array[${quoted(values)}]::text[]`;
