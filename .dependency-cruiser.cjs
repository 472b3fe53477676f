/**
 * The module rules of docs/ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser).
 * Modules are the folders under src/lib/server/. Only imports that exist at run time count
 * (`import type` is erased); tests and the test platform may reach everything.
 */
const MODULE = '^src/lib/server/([^/]+)/';

module.exports = {
	forbidden: [
		{
			name: 'no-foreign-tables',
			comment:
				"A module's tables are its own: other modules call its service, or join the views it publishes (*.views.ts). Tables may reference each other's keys; db/schema.ts lists them all.",
			severity: 'error',
			from: { path: MODULE, pathNot: ['\\.tables\\.ts$', '^src/lib/server/db/'] },
			to: { path: '^src/lib/server/[^/]+/[^/]+\\.tables\\.ts$', pathNot: '^src/lib/server/$1/' }
		},
		{
			name: 'no-tables-in-routes',
			comment: 'Routes and hooks call services, never tables.',
			severity: 'error',
			from: { path: '^src/(routes/|hooks)' },
			to: { path: '\\.(tables|views)\\.ts$' }
		},
		{
			name: 'platform-is-the-ground-floor',
			comment: 'platform/ (config, errors, context) imports no module: start-up lives in boot/.',
			severity: 'error',
			from: { path: '^src/lib/server/platform/' },
			to: { path: '^src/lib/server/', pathNot: '^src/lib/server/platform/' }
		},
		{
			name: 'no-module-cycles',
			comment: 'Imports between modules point one way: engines are registered with at boot (boot/registry.ts), not imported by the modules they serve.',
			severity: 'error',
			scope: 'folder',
			from: { path: '^src/lib/server/[^/]+' },
			to: { circular: true }
		},
		{
			name: 'no-file-cycles',
			severity: 'error',
			from: { path: '^src/lib/server/' },
			to: { circular: true }
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: ['\\.(test|int\\.test|testkit)\\.ts$', '^src/lib/server/testing/', '^src/lib/paraglide/'] },
		tsPreCompilationDeps: false,
		tsConfig: { fileName: 'tsconfig.json' },
		// SvelteKit's $lib alias (its tsconfig paths have no baseUrl, which the resolver needs).
		webpackConfig: { fileName: 'scripts/depcruise-resolve.cjs' },
		enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.svelte'] },
		reporterOptions: {
			mermaid: { minify: false }
		}
	}
};
