import { readConfig } from './platform/config';
import { startPlatform, type RunningPlatform } from './platform/platform';

let running: Promise<RunningPlatform> | null = null;

/** The server's one platform instance, started on first use (hooks.server.ts `init`). */
export function getPlatform(): Promise<RunningPlatform> {
	running ??= startPlatform(readConfig(), { prepare: true });
	return running;
}

export async function stopPlatform() {
	if (!running) return;
	const platform = await running;
	running = null;
	await platform.close();
}
