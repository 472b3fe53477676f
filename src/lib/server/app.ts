import { readConfig } from './platform/config';
import { startPlatform, type RunningPlatform } from './boot/platform';
import { backgroundJobs, startScheduler } from './jobs/jobs';

let running: Promise<RunningPlatform> | null = null;

/** The server's one platform instance, started on first use (hooks.server.ts `init`). */
export function getPlatform(): Promise<RunningPlatform> {
	running ??= startPlatform(readConfig(), { prepare: true }).then((platform) => {
		if (platform.config.runJobs) {
			const stop = startScheduler(platform, backgroundJobs());
			const close = platform.close;
			platform.close = async () => {
				stop();
				await close();
			};
		}
		return platform;
	});
	return running;
}

export async function stopPlatform() {
	if (!running) return;
	const platform = await running;
	running = null;
	await platform.close();
}
