// Parses one uploaded spreadsheet off the main thread, so that a large file does not stall
// every other request. spreadsheet.ts starts this program as a worker from a data: URL, so there
// is no file to find next to the bundled chunks, and it loads the same under Vite, Vitest and
// tsx (scripts). Plain JavaScript in a string: it runs as is, in a bare Node.js worker.
// Packages resolve from the module that started it (workerData.base), as they would there.
//
// workerData: { base, maxCells } and either { kind: 'xlsx', bytes } (an archive already
// unpacked within limits by xlsx-archive.ts) or { kind: 'csv', text, options } (csv-parse).
// Answers { rows } or { refused: 'unreadable' | 'too_big' }. A package that fails to load is
// not a bad file: it surfaces as the worker's error.
export const SPREADSHEET_WORKER_SOURCE = String.raw`
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(workerData.base);
const parser = workerData.kind === 'xlsx' ? require('read-excel-file/node') : require('csv-parse/sync');

async function answer() {
	let rows;
	try {
		if (workerData.kind === 'xlsx') {
			const bytes = workerData.bytes;
			rows = await parser.readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
		} else {
			rows = parser.parse(workerData.text, workerData.options);
		}
	} catch {
		return { refused: 'unreadable' };
	}
	// Empty rows count too: a few bytes of XML can stand for a million of them.
	let cells = 0;
	for (const row of rows) cells += Math.max(1, row.length);
	return cells > workerData.maxCells ? { refused: 'too_big' } : { rows };
}

parentPort?.postMessage(await answer());
`;
