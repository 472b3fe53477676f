import type { Db } from '../db/database';

/**
 * A query built once per database and run many times with `sql.placeholder` values. Drizzle
 * builds a query's SQL text from its parts on every run (a tenth of a page's CPU on the hot
 * pages: docs/performance.md); a prepared query skips that. For reads that run on most
 * requests, with a fixed shape; `build` gets the database it is prepared on.
 */
export function preparedQuery<Q>(build: (db: Db) => Q): (db: Db) => Q {
	const prepared = new WeakMap<Db, Q>();
	return (db) => {
		let query = prepared.get(db);
		if (!query) prepared.set(db, (query = build(db)));
		return query;
	};
}
