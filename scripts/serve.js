// The production server (`npm start` builds first, then imports this). On PostgreSQL it runs one
// worker process per core behind one port (scripts/serve-cluster.js); on the embedded database
// (PGlite) one process, because a PGlite data directory belongs to exactly one process.
//
// Environment: WEB_CONCURRENCY (workers on PostgreSQL; default: the machine's cores), and what
// scripts/serve-http.js and the app read (PORT, HOST, ORIGIN, DATABASE_URL, DATA_DIR…).
import cluster from 'node:cluster';
import os from 'node:os';

const requested = Number(process.env.WEB_CONCURRENCY || 0);
const onPostgres = Boolean(process.env.DATABASE_URL);
const workers = onPostgres ? (Number.isInteger(requested) && requested > 0 ? requested : os.availableParallelism()) : 1;
if (!onPostgres && requested > 1) console.warn('WEB_CONCURRENCY is ignored on the embedded database (one process owns its data); set DATABASE_URL to use every core.');

if (cluster.isPrimary && workers > 1) {
	const { runCluster } = await import('./serve-cluster.js');
	await runCluster(workers);
} else {
	await import('./serve-http.js');
}
