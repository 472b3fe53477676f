// The production server (`npm start` builds first, then imports this). On PostgreSQL it runs one
// worker process per core behind one port (scripts/serve-cluster.js); on the embedded database
// (PGlite) one process, because a PGlite data directory belongs to exactly one process.
//
// Environment: WEB_CONCURRENCY (workers on PostgreSQL; default: the machine's cores), and what
// scripts/serve-http.js and the app read (PORT, HOST, ORIGIN, DATABASE_URL, DATA_DIR…).
import cluster from 'node:cluster';
import os from 'node:os';
import v8 from 'node:v8';

// Under a high allocation rate V8 lets the old generation grow to about four times what is live
// before collecting it, and gives the memory back only after some seconds of quiet: a worker
// whose live heap is 60 MB sat at 370 MB after a load test. Growing by half as much keeps it near
// 220 MB at the same throughput (docs/performance.md). Given explicitly, the operator's value wins.
if (!`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`.includes('heap-growing-percent')) v8.setFlagsFromString('--heap-growing-percent=50');

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
