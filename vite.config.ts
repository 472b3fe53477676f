import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The locale always comes from the URL path (/en/…); hooks.server.ts puts it in
			// AsyncLocalStorage on the server, the root layout sets the global on the client.
			strategy: ['globalVariable', 'baseLocale']
		}),
		sveltekit()
	],
	server: { port: 3000 },
	test: {
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		projects: [
			// Pure functions: policies, rules, formatting, parsers.
			{ extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.int.test.ts'] } },
			// Services against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
			{ extends: true, test: { name: 'integration', include: ['src/**/*.int.test.ts'], globalSetup: ['src/lib/server/testing/global-setup.ts'] } }
		]
	}
});
