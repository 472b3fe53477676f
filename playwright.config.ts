import { defineConfig } from '@playwright/test';

/**
 * Each worker starts its own server on its own fresh database (tests/e2e/fixtures.ts), so the
 * files spread over the workers as they come and journeys never meet another worker's changes.
 * E2E_WORKERS: how many (CI: the machine's two cores); E2E_PORT: the first worker's port.
 */
const WORKERS = Number(process.env.E2E_WORKERS ?? 2);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: WORKERS,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	timeout: 30_000,
	use: {
		browserName: 'chromium',
		launchOptions: {
			// Debian's chromium; Playwright never downloads a browser here.
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
		},
		trace: 'retain-on-failure'
	}
});
