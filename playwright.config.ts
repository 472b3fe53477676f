import { defineConfig } from '@playwright/test';

// E2E_PORT: another free port when 4173 is taken (two checkouts testing at once).
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 30_000,
	use: {
		baseURL: `http://localhost:${PORT}`,
		browserName: 'chromium',
		launchOptions: {
			// Debian's chromium; Playwright never downloads a browser here.
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
		},
		trace: 'retain-on-failure'
	},
	webServer: {
		// The built app on a fresh embedded database with demo data, as `npm start` runs it.
		command: `rm -rf .tmp/e2e-data && node scripts/serve.js`,
		url: `http://localhost:${PORT}/readyz`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: {
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			DATA_DIR: '.tmp/e2e-data',
			LOG_LEVEL: 'warn'
		}
	}
});
