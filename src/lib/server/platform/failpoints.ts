import fs from 'node:fs';

/**
 * Failpoints: named places inside a write where the fault tests (src/lib/server/faults/) kill
 * the server, to prove that a crash there leaves nothing half written. A failpoint does
 * nothing unless the environment variable WELCOME_FAILPOINTS (names separated by commas) names
 * it; then the process sends itself SIGKILL — a real `kill -9`: no finally block, no rollback
 * from the application, no flush. For tests only: a production server never sets it.
 *
 * The variable is read once, when this module loads; unset, a failpoint costs a Set lookup.
 */
const armed = new Set(
	(process.env.WELCOME_FAILPOINTS ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean)
);

export function failpoint(name: string): void {
	if (!armed.has(name)) return;
	// Written without buffering, so the test's log says where the process died.
	fs.writeSync(2, `failpoint ${name}: SIGKILL\n`);
	process.kill(process.pid, 'SIGKILL');
	// The signal may land a moment after kill() returns: run no further line of the caller.
	for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
