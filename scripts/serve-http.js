// One HTTP server process (scripts/serve.js starts one, or one per core under scripts/serve-cluster.js):
// Node's HTTP server around the built SvelteKit app (adapter-node's
// `build/handler.js`, its documented custom-server entry). It differs from adapter-node's own
// `build/index.js` in two ways: an anonymous GET of a page that is in the micro-cache
// (src/lib/server/http-cache/page-cache.ts) is answered here, before SvelteKit's router and
// hooks run, which is most of the cost of a cache hit, with the page's body compressed once per
// cached page and encoding; and what SvelteKit renders (HTML, JSON, feeds) is compressed (brotli
// or gzip, by the `compression` package), as the built assets already are (adapter-node
// precompresses them). Everything else goes to SvelteKit.
//
// Environment: PORT (3000), HOST (0.0.0.0), SHUTDOWN_TIMEOUT seconds (30), and whatever the
// app reads (ORIGIN, DATABASE_URL, DATA_DIR…; see README.md).
import cluster from 'node:cluster';
import http from 'node:http';
import zlib from 'node:zlib';
import compression from 'compression';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// What the app reads (MAX_BODY_MB in src/lib/server/http.ts): over it, the app's form actions
// answer with a clear message (a 413 form failure) instead of the body being read.
process.env.BODY_SIZE_LIMIT ??= '48M';
const { handler } = await import(pathToFileURL(path.join(root, 'build', 'handler.js')).href);
/** @type {{ answerAnonymous(method: string, key: string, cookie: string | undefined, ifNoneMatch: string | undefined, acceptEncoding: string | null): { status: number, headers: [string, string][], body: Uint8Array | null } | null } | undefined} */
const pageCache = /** @type {any} */ (globalThis)[Symbol.for('welcome.page-cache')];

// Brotli at quality 4: about gzip's cost for a page rendered per request, and smaller. Bodies
// under 1 KB (redirects, 304s, small JSON) are left as they are.
const compress = compression({ threshold: 1024, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });

const server = http.createServer(respond);

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
function respond(req, res) {
	if (shuttingDown) res.setHeader('connection', 'close');
	// A hit comes already compressed as the client accepts it (made once per cached page).
	const hit = pageCache?.answerAnonymous(req.method ?? 'GET', req.url ?? '/', req.headers.cookie, req.headers['if-none-match'], req.headers['accept-encoding'] ?? null);
	if (!hit) return compress(req, res, () => handler(req, res));
	for (const [name, value] of hit.headers) res.setHeader(name, value);
	res.setHeader('x-request-id', String(req.headers['x-request-id'] ?? '').slice(0, 64) || randomUUID());
	if (hit.body) res.setHeader('content-length', hit.body.byteLength);
	res.writeHead(hit.status);
	res.end(hit.body ?? undefined);
}

let shuttingDown = false;
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => {
	if (cluster.isPrimary) console.log(`Listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
});

// Graceful shutdown as adapter-node does it: stop accepting, finish open requests, then let the
// app close its database (the `sveltekit:shutdown` event, handled in src/hooks.server.ts).
function shutdown(reason) {
	if (shuttingDown) return;
	shuttingDown = true;
	server.closeIdleConnections();
	const force = setTimeout(() => server.closeAllConnections(), Number(process.env.SHUTDOWN_TIMEOUT ?? 30) * 1000);
	server.close(() => {
		clearTimeout(force);
		process.emit('sveltekit:shutdown', reason);
		// A cluster worker's channel to the primary would keep it alive once the app has closed.
		if (cluster.isWorker) cluster.worker?.disconnect();
	});
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
