import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { headerSize, signIn } from './helpers';

/**
 * Every signed-in page of the app, opened by every kind of account: each answers the page, a
 * redirect, or a clear 4xx (not yours: 403 or 404), never a server error. The pages come from the
 * route folders, so a new page is covered the day it is added; records come from the links of
 * the list pages (an ENU case, a Tongji service, …), and made-up ids stand in for the rest.
 */
const ROUTES = fs
	.readdirSync(path.resolve('src/routes/[lang=locale]'), { recursive: true, encoding: 'utf8' })
	.filter((file) => file.endsWith('+page.svelte'))
	.map((file) => '/' + path.dirname(file).split(path.sep).join('/'))
	.filter((route) => /^\/(workspace|admin|my|account)/.test(route));

const KINDS = ['news', 'events', 'faq', 'documents', 'scholarships', 'programmes'];
const MADE_UP = ['00000000-0000-4000-8000-000000000000', 'not-an-id'];

/** A route's concrete addresses, with made-up values for the parameters. */
function addresses(route: string): string[] {
	let urls = [route];
	const fill = (param: string, values: string[]) => {
		urls = urls.flatMap((u) => (u.includes(param) ? values.map((v) => u.replace(param, v)) : [u]));
	};
	fill('[slug]', ['enu', 'tongji', 'no-such-place']);
	fill('[kind=content]', KINDS);
	fill('[kind]', ['invitation', 'enrolment', 'nonsense']);
	fill('[code]', ['kz', 'cn', 'xx']);
	fill('[service]', MADE_UP);
	fill('[id]', MADE_UP);
	return urls.map((u) => `/en${u}`);
}

/** Links to records on the pages an account can see (cases, services, media, countries' rules…). */
async function recordLinks(page: Page, lists: string[]) {
	const found = new Set<string>();
	for (const list of lists) {
		const response = await page.request.get(list);
		if (response.status() !== 200) continue;
		const html = await response.text();
		const byShape = new Map<string, number>();
		for (const [, href] of html.matchAll(/href="(\/en\/(?:workspace|admin|my)\/[^"?#]+)"/g)) {
			const shape = href!.replace(/[0-9a-f-]{36}/g, ':id');
			if (!/:id/.test(shape)) continue;
			// Two of each kind of record are enough.
			const seen = byShape.get(shape) ?? 0;
			if (seen >= 2) continue;
			byShape.set(shape, seen + 1);
			found.add(href!);
		}
	}
	return [...found];
}

const ACCOUNTS = [
	null,
	'admin@demo.welcome.test',
	'countries@demo.welcome.test',
	'coordinator@demo.welcome.test',
	'enu.admin@demo.welcome.test',
	'enu.staff@demo.welcome.test',
	'enu.editor@demo.welcome.test',
	'enu.translator@demo.welcome.test',
	'tongji.staff@demo.welcome.test',
	'student@demo.welcome.test'
];

test('every signed-in page answers every kind of account without a server error', async ({ page }) => {
	test.setTimeout(600_000);
	const pages = ROUTES.flatMap(addresses);
	expect(pages.length).toBeGreaterThan(100);

	// Real records, as those who may see them find them.
	const records: string[] = [];
	for (const [account, lists] of [
		['admin@demo.welcome.test', ['/en/admin/outbox', '/en/admin/countries/kz/visa', '/en/admin/countries/kz/arrival', ...KINDS.map((k) => `/en/workspace/enu/${k}`)]],
		['enu.admin@demo.welcome.test', ['/en/workspace/enu/cases', '/en/workspace/enu/services', '/en/workspace/enu/media', '/en/workspace/enu/costs', '/en/workspace/enu/pickups', '/en/workspace/enu/buddies', '/en/workspace/enu/partners', '/en/workspace/enu/agreements']],
		['student@demo.welcome.test', ['/en/my']]
	] as const) {
		await page.context().clearCookies();
		await signIn(page, account);
		records.push(...(await recordLinks(page, [...lists])));
	}
	// Demo services, media, prices, country rules, news, events, …: the check reaches real records.
	expect(new Set(records.map((r) => r.replace(/[0-9a-f-]{36}/g, ':id'))).size, records.join('\n')).toBeGreaterThan(8);
	const histories = records.filter((r) => /\/workspace\/enu\/(news|events)\/[0-9a-f-]{36}$/.test(r)).flatMap((r) => [`${r}/history`, `${r}/preview`]);

	const errors: string[] = [];
	for (const account of ACCOUNTS) {
		await page.context().clearCookies();
		if (account) await signIn(page, account);
		for (const url of [...pages, ...records, ...histories]) {
			const response = await page.request.get(url, { maxRedirects: 0 });
			if (response.status() >= 500) errors.push(`${response.status()} ${url} as ${account ?? 'anonymous'}`);
			// Headers a reverse proxy with default buffers passes on (nginx: 4–8 KB in all).
			if ((response.headers()['link'] ?? '').length > 2048) errors.push(`Link header of ${response.headers()['link']!.length} bytes on ${url}`);
			const headerBytes = headerSize(response.headersArray());
			if (headerBytes > 8192) errors.push(`${headerBytes} bytes of headers on ${url}`);
		}
	}
	expect(errors).toEqual([]);
});
