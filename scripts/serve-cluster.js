// The primary process of the server on PostgreSQL: one worker (scripts/serve-http.js) per core,
// all on one port (Node's cluster module hands each connection to a worker). It renders nothing
// itself. It
// - starts the first worker alone, so migrations and the first-start seeding run once, then
//   the others;
// - replaces a worker that dies (waiting longer each time one dies young, so a broken release
//   does not spin);
// - restarts the workers one at a time on SIGHUP (a new one listens before the old one drains),
//   so a new release or configuration is taken up without refusing a request;
// - relays "the pages changed" from the worker that saved content to the others, whose
//   micro-caches (src/lib/server/http-cache/page-cache.ts) then drop their copies;
// - on SIGTERM or SIGINT lets every worker finish its open requests, then exits.
// Every worker runs the job scheduler; the database makes sure each job runs once across the
// workers and servers (src/lib/server/jobs/jobs.ts), so any worker may die without jobs stopping.
import cluster from 'node:cluster';

// The same message as PAGES_CHANGED in src/lib/server/http-cache/page-cache.ts.
const PAGES_CHANGED = 'welcome:invalidate-pages';
const json = process.env.LOG_FORMAT === 'json' || (process.env.LOG_FORMAT === undefined && process.env.NODE_ENV === 'production');

/** @param {'info' | 'warn' | 'error'} level @param {string} msg @param {Record<string, unknown>} [fields] */
function log(level, msg, fields = {}) {
	if (json) console.log(JSON.stringify({ time: new Date().toISOString(), level, msg, process: 'primary', ...fields }));
	else console.log(`${level.toUpperCase()} ${msg}${Object.keys(fields).length ? ' ' + JSON.stringify(fields) : ''}`);
}

/** @param {number} size */
export async function runCluster(size) {
	/** @type {(import('node:cluster').Worker | undefined)[]} */
	const slots = new Array(size);
	const deaths = new Array(size).fill(0);
	let stopping = false;

	/** @param {number} index */
	function fork(index) {
		const worker = cluster.fork();
		const born = Date.now();
		slots[index] = worker;
		worker.on('message', (message) => {
			if (message?.type !== PAGES_CHANGED) return;
			for (const other of slots) if (other && other !== worker && other.isConnected()) other.send(message);
		});
		worker.on('exit', (code, signal) => {
			if (stopping || slots[index] !== worker) return;
			deaths[index] = Date.now() - born < 30_000 ? deaths[index] + 1 : 0;
			const delay = Math.min(30_000, 500 * 2 ** deaths[index]);
			log('error', 'worker died; starting another', { worker: index, pid: worker.process.pid, code, signal, restartInMs: delay });
			setTimeout(() => {
				if (!stopping && slots[index] === worker) fork(index);
			}, delay);
		});
		return worker;
	}

	/** @param {import('node:cluster').Worker} worker */
	function listening(worker) {
		return new Promise((resolve, reject) => {
			worker.once('listening', resolve);
			worker.once('exit', (code) => reject(new Error(`worker ${worker.process.pid} exited (${code}) before listening`)));
		});
	}

	/** @param {import('node:cluster').Worker} worker */
	function drain(worker) {
		return new Promise((resolve) => {
			if (worker.isDead()) return resolve(undefined);
			worker.once('exit', resolve);
			worker.process.kill('SIGTERM');
		});
	}

	try {
		await listening(fork(0));
	} catch (err) {
		log('error', 'the first worker could not start', { error: String(err) });
		process.exit(1);
	}
	await Promise.all(Array.from({ length: size - 1 }, (_, i) => listening(fork(i + 1))));
	log('info', `listening on port ${process.env.PORT ?? 3000} with ${size} workers`, { pid: process.pid });

	let restarting = false;
	process.on('SIGHUP', async () => {
		if (restarting || stopping) return;
		restarting = true;
		log('info', 'restarting the workers one by one');
		for (let index = 0; index < size && !stopping; index++) {
			const old = slots[index];
			try {
				await listening(fork(index));
			} catch (err) {
				// The new code or configuration does not start: keep the old workers serving.
				log('error', 'a new worker did not start; the running workers stay', { worker: index, error: String(err) });
				slots[index] = old;
				break;
			}
			if (old) await drain(old);
		}
		restarting = false;
		log('info', 'workers restarted');
	});

	/** @param {NodeJS.Signals} signal */
	async function stop(signal) {
		if (stopping) return;
		stopping = true;
		log('info', 'stopping: the workers finish their requests', { signal });
		await Promise.all(slots.filter((w) => w !== undefined).map((w) => drain(w)));
		process.exit(0);
	}
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGINT', () => stop('SIGINT'));
}
