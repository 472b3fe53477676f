import { defineConfig } from '@playwright/test';

// E2E_PORT: another free port when 4173 is taken (two checkouts testing at once). The second
// server listens on the next port.
const PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * Two servers, each on its own fresh database, each running its files one at a time: journeys
 * that change shared demo data never meet, and the long read-only sweeps (axe, 360 px, SEO)
 * run beside them. That halves the wall-clock time on a two-core machine.
 */
const SWEEPS = ['accessibility.spec.ts', 'phone.spec.ts', 'seo.spec.ts', 'shell.spec.ts', 'search.spec.ts', 'roles-pages.spec.ts'];

const server = (port: number, name: string) => ({
	// The built app on a fresh embedded database with demo data, as `npm start` runs it.
	command: `rm -rf .tmp/e2e-${name} && node scripts/serve.js`,
	url: `http://localhost:${port}/readyz`,
	reuseExistingServer: false,
	timeout: 180_000,
	env: {
		PORT: String(port),
		ORIGIN: `http://localhost:${port}`,
		DATA_DIR: `.tmp/e2e-${name}`,
		LOG_LEVEL: 'warn'
	}
});

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 2,
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
	},
	projects: [
		{ name: 'journeys', testIgnore: SWEEPS, workers: 1, use: { baseURL: `http://localhost:${PORT}` } },
		{ name: 'sweeps', testMatch: SWEEPS, workers: 1, use: { baseURL: `http://localhost:${PORT + 1}` } }
	],
	webServer: [server(PORT, 'journeys'), server(PORT + 1, 'sweeps')]
});
