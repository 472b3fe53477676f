import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The module rules of docs/ARCHITECTURE.md, checked on the source: a module's tables are its
 * own, `platform/` is the ground floor, and imports between modules point one way. What breaks
 * the rules today is listed below as debt: the lists may only shrink (an entry that is no longer
 * needed fails too, so it is taken off when fixed).
 */
const SERVER = path.resolve('src/lib/server');
const MODULES = fs.readdirSync(SERVER).filter((d) => fs.statSync(path.join(SERVER, d)).isDirectory());

/** Files that still read or write another module's tables, and whose (the content engine's refactor). */
const KNOWN_TABLE_IMPORTS: Record<string, string[]> = {
	'content/attention.service.ts': ['institutions'],
	'content/content-owner.ts': ['guides', 'institutions'],
	'content/export.service.ts': ['costs', 'institutions', 'media', 'news', 'scholarships'],
	'costs/costs.service.ts': ['institutions', 'programmes'],
	'costs/institution-costs.service.ts': ['institutions'],
	'demo/demo.seed.ts': ['auth', 'institutions'],
	'demo/scale.ts': ['institutions', 'programmes'],
	'guides/planner.service.ts': ['institutions'],
	'institutions/members.service.ts': ['auth'],
	'letters/letters.demo.ts': ['institutions'],
	'letters/letters.service.ts': ['auth', 'institutions', 'welcome'],
	'media/media.service.ts': ['institutions'],
	'news/news.service.ts': ['institutions'],
	'programmes/programme-editing.service.ts': ['institutions'],
	'programmes/programme-import.service.ts': ['institutions'],
	'programmes/programmes.search.ts': ['institutions'],
	'programmes/programmes.seed.ts': ['institutions'],
	'programmes/programmes.service.ts': ['institutions'],
	'scholarships/scholarship-editing.service.ts': ['institutions'],
	'scholarships/scholarships.service.ts': ['institutions'],
	'seo/sitemap.ts': ['guides', 'institutions', 'news', 'programmes', 'scholarships'],
	'welcome/buddies.service.ts': ['auth', 'institutions'],
	'welcome/case-export.service.ts': ['auth', 'institutions'],
	'welcome/case-handling.service.ts': ['auth', 'institutions'],
	'welcome/case-mail.ts': ['auth', 'institutions'],
	'welcome/cases.service.ts': ['auth', 'institutions'],
	'welcome/catalogue.service.ts': ['institutions'],
	'welcome/document-review.service.ts': ['auth', 'institutions'],
	'welcome/incoming.demo.ts': ['auth', 'institutions'],
	'welcome/incoming.service.ts': ['auth', 'institutions'],
	'welcome/pickups.service.ts': ['auth', 'institutions'],
	'welcome/present.ts': ['guides', 'institutions'],
	'welcome/privacy.service.ts': ['auth'],
	'welcome/reminders.ts': ['auth']
};

/** Imports that still close a cycle between modules: all through the content engine, which imports the content types. */
const KNOWN_CYCLE_EDGES = [
	'content -> costs',
	'content -> guides',
	'content -> institutions',
	'content -> media',
	'content -> news',
	'content -> programmes',
	'content -> scholarships',
	'costs -> content',
	'costs -> institutions',
	'costs -> programmes',
	'costs -> scholarships',
	'guides -> institutions',
	'institutions -> media',
	'media -> content',
	'media -> institutions',
	'news -> content',
	'news -> guides',
	'news -> institutions',
	'programmes -> content',
	'programmes -> institutions',
	'scholarships -> content',
	'scholarships -> institutions'
];

interface Import {
	file: string;
	module: string;
	target: string;
	targetFile: string;
}

const isTestCode = (file: string) => /\.(test|int\.test|testkit)\.ts$/.test(file) || file.startsWith('testing/');

/** Every runtime import between modules (`import type` is erased, so it does not count). */
function moduleImports(): Import[] {
	const found: Import[] = [];
	for (const module of MODULES) {
		for (const name of fs.readdirSync(path.join(SERVER, module))) {
			const file = `${module}/${name}`;
			if (!name.endsWith('.ts') || isTestCode(file)) continue;
			const source = fs.readFileSync(path.join(SERVER, file), 'utf8');
			for (const [, typeOnly, spec] of source.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
				if (typeOnly) continue;
				const parts = spec!.startsWith('../') ? spec!.split('/').slice(1) : spec!.startsWith('$lib/server/') ? spec!.split('/').slice(2) : null;
				if (!parts || parts.length < 2 || !MODULES.includes(parts[0]!) || parts[0] === module) continue;
				found.push({ file, module, target: parts[0]!, targetFile: parts.slice(1).join('/') });
			}
		}
	}
	return found;
}

/** The edges that lie on a cycle: those inside a strongly connected group of modules (Tarjan). */
function cyclicEdges(edges: Map<string, Set<string>>) {
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const group = new Map<string, number>();
	const visit = (v: string) => {
		index.set(v, counter);
		low.set(v, counter++);
		stack.push(v);
		for (const w of edges.get(v) ?? []) {
			if (!index.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
		}
		if (low.get(v) === index.get(v)) {
			let w: string;
			do {
				w = stack.pop()!;
				group.set(w, index.get(v)!);
			} while (w !== v);
		}
	};
	for (const m of MODULES) if (!index.has(m)) visit(m);
	return [...edges].flatMap(([from, targets]) => [...targets].filter((to) => group.get(from) === group.get(to)).map((to) => `${from} -> ${to}`)).sort();
}

describe('module boundaries', () => {
	const imports = moduleImports();

	it('keeps each module’s tables to itself (tables may reference each other; the schema and tests see all)', () => {
		const foreign: Record<string, string[]> = {};
		for (const i of imports) {
			if (!i.targetFile.endsWith('.tables') || i.file.endsWith('.tables.ts') || i.module === 'db') continue;
			foreign[i.file] = [...new Set([...(foreign[i.file] ?? []), i.target])].sort();
		}
		expect(foreign).toEqual(KNOWN_TABLE_IMPORTS);
	});

	it('has routes and hooks call services, never tables', () => {
		const offenders: string[] = [];
		const walk = (dir: string) => {
			for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
				const full = path.join(dir, entry.name);
				if (entry.isDirectory()) walk(full);
				else if (/\.(ts|svelte)$/.test(entry.name) && /\.tables'/.test(fs.readFileSync(full, 'utf8'))) offenders.push(full);
			}
		};
		walk(path.resolve('src/routes'));
		if (/\.tables'/.test(fs.readFileSync(path.resolve('src/hooks.server.ts'), 'utf8'))) offenders.push('src/hooks.server.ts');
		expect(offenders).toEqual([]);
	});

	it('keeps platform/ the ground floor: it imports no module (start-up lives in boot/)', () => {
		expect(imports.filter((i) => i.module === 'platform').map((i) => `${i.file} -> ${i.target}`)).toEqual([]);
	});

	it('points imports between modules one way, apart from the known cycles through the content engine', () => {
		const edges = new Map<string, Set<string>>();
		for (const i of imports) edges.set(i.module, new Set([...(edges.get(i.module) ?? []), i.target]));
		expect(cyclicEdges(edges)).toEqual(KNOWN_CYCLE_EDGES);
	});
});
