import { expect, test } from './fixtures';
import { signIn } from './helpers';

test('sitemap.xml lists every public page in every language with its alternates', async ({ request, baseURL }) => {
	const response = await request.get('/sitemap.xml');
	expect(response.headers()['content-type']).toContain('application/xml');
	const xml = await response.text();
	for (const locale of ['en', 'ru', 'kk', 'zh']) {
		expect(xml).toContain(`<loc>${baseURL}/${locale}/institutions/tongji</loc>`);
		expect(xml).toContain(`<loc>${baseURL}/${locale}/institutions/tongji/programmes/civil-engineering-meng</loc>`);
		expect(xml).toContain(`<loc>${baseURL}/${locale}/scholarships/chinese-government-scholarship</loc>`);
	}
	expect(xml).toContain(`hreflang="zh-Hans" href="${baseURL}/zh/countries/kz"`);
	expect(xml).not.toContain('/workspace');
	const robots = await (await request.get('/robots.txt')).text();
	expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test('pages carry canonical and OpenGraph tags and schema.org data', async ({ page, baseURL }) => {
	await page.goto('/ru/institutions/tongji');
	await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/ru/institutions/tongji`);
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Университет Тунцзи');
	await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'ru');
	const org = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
	expect(org).toMatchObject({ '@context': 'https://schema.org', '@type': 'CollegeOrUniversity', name: 'Университет Тунцзи', alternateName: 'Tongji' });

	await page.goto('/zh/institutions/tongji/programmes/civil-engineering-meng');
	const program = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
	expect(program).toMatchObject({ '@type': 'EducationalOccupationalProgram', timeToComplete: 'P24M', inLanguage: ['en'], provider: { name: '同济大学' } });
	await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'zh_Hans');
});

test('public pages revalidate with an ETag (304), signed-in pages are never stored', async ({ request, page }) => {
	const first = await request.get('/en/institutions/enu');
	// Browsers revalidate every time; a shared cache (a reverse proxy) may keep it 5 s, as long as the micro-cache.
	expect(first.headers()['cache-control']).toBe('public, max-age=0, s-maxage=5, must-revalidate');
	const etag = first.headers()['etag'];
	expect(etag).toBeTruthy();
	const again = await request.get('/en/institutions/enu', { headers: { 'if-none-match': etag! } });
	expect(again.status()).toBe(304);

	await signIn(page, 'student@demo.welcome.test');
	const signedIn = await page.goto('/en/institutions/enu');
	expect(signedIn?.headers()['cache-control']).toBe('private, no-store');
});

test('an edited profile shows on the public page at once, even though anonymous pages are cached', async ({ page, browser }) => {
	const visitor = await browser.newContext();
	const anonymous = await visitor.newPage();
	await anonymous.goto('/en/institutions/kmu');
	await anonymous.goto('/en/institutions/kmu'); // now served from the page cache

	await signIn(page, 'admin@demo.welcome.test');
	await page.goto('/en/workspace/kmu/profile');
	const text = `Updated at ${Date.now()}: clinical training in English.`;
	await page.locator('textarea[name="description.en"]').fill(text);
	await page.locator('form.profile button[type="submit"]').click();
	await expect(page.getByRole('status')).toBeVisible();

	await anonymous.goto('/en/institutions/kmu');
	await expect(anonymous.locator('article')).toContainText(text);
	await visitor.close();
});

test('the page cache never answers a data request with a cached page', async ({ page }) => {
	// Warm the cache with the HTML page, then let the client load the same page's data.
	await page.goto('/en/sign-up');
	await page.goto('/en/sign-up');
	await page.locator('input[name="name"]').fill('Cache Test');
	await page.locator('input[name="email"]').fill(`cache-${Date.now()}@example.org`);
	await page.locator('input[name="password"]').fill('a long enough passphrase');
	await page.locator('input[name="passwordConfirm"]').fill('a long enough passphrase');
	await page.locator('form.stack button[type="submit"]').click();
	await expect(page.getByRole('status')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/went wrong/);
});

/** The share of a text's letters written in each script: what language a description is in, roughly. */
function scripts(text: string) {
	const letters = [...text].filter((c) => /\p{L}/u.test(c));
	const share = (re: RegExp) => letters.filter((c) => re.test(c)).length / Math.max(letters.length, 1);
	return { latin: share(/\p{Script=Latin}/u), cyrillic: share(/\p{Script=Cyrillic}/u), han: share(/\p{Script=Han}/u) };
}

const attribute = (html: string, pattern: RegExp) => html.match(pattern)?.[1]?.replaceAll('&amp;', '&').replaceAll('&quot;', '"') ?? null;

test("every public page has a meta description in its own language and an og:image from our origin", async ({ request, baseURL }) => {
	test.setTimeout(300_000);
	const sitemap = await (await request.get('/sitemap.xml')).text();
	const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
	for (const list of ['/institutions', '/news', '/events', '/documents', '/search']) expect(urls.concat(`${baseURL}/en/search`)).toContain(`${baseURL}/en${list}`);
	expect(urls.length).toBeGreaterThan(100);
	const problems: string[] = [];
	const others = ['/en/search', '/kk/search?q=tongji', '/en/sign-in', '/zh/sign-up', '/ru/forgot-password', '/kk/verify/AAAA-BBBB-CCCC'];
	for (const url of [...urls, ...others.map((path) => baseURL + path)]) {
		const html = await (await request.get(url)).text();
		const lang = attribute(html, /<html lang="([^"]+)"/)!;
		const description = attribute(html, /<meta name="description" content="([^"]*)"/);
		const image = attribute(html, /<meta property="og:image" content="([^"]*)"/);
		if (!description) {
			problems.push(`${url}: no description`);
			continue;
		}
		if (!image?.startsWith(`${baseURL}/`)) problems.push(`${url}: og:image ${image}`);
		if (attribute(html, /<meta property="og:description" content="([^"]*)"/) !== description) problems.push(`${url}: og:description differs`);
		// Roughly in the page's language (a title or a name inside a template may be in another one)...
		const share = scripts(description);
		const inLanguage = lang === 'en' ? share.latin > 0.8 : lang === 'zh-Hans' ? share.han > 0.3 : share.cyrillic > 0.5;
		if (!inLanguage) problems.push(`${url}: description not in ${lang}: ${description}`);
		// ...and never a text the page itself marks as written in another language (a fallback).
		const body = html.slice(html.indexOf('<body'));
		for (const [, foreignLang, text] of body.matchAll(/<[a-z0-9]+ [^>]*\blang="([^"]+)"[^>]*>([^<]{30,})</g)) {
			if (foreignLang !== lang && description.includes(text!.trim().slice(0, 30))) problems.push(`${url}: description in ${foreignLang}: ${description}`);
		}
	}
	expect(problems).toEqual([]);

	const image = await request.get('/og-image.png');
	expect(image.headers()['content-type']).toBe('image/png');
});

test('a page whose text is not translated describes itself with a template in its own language', async ({ page }) => {
	// Tongji's profile has no Kazakh description: the page shows the Chinese or English text marked with its language,
	// and the head says in Kazakh what the page is.
	await page.goto('/kk/institutions/tongji');
	await expect(page.locator('article p[lang]').first()).toBeVisible();
	const description = await page.locator('meta[name="description"]').getAttribute('content');
	expect(description).toContain('WELCOME платформасындағы оқу орнының профилі');
	await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', 'WELCOME');
	await page.goto('/zh/news');
	await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /合作院校/);
});

test('filtered finders are kept out of the index with a normalised canonical, and so are search results', async ({ request, baseURL }) => {
	const head = async (path: string) => {
		const html = await (await request.get(path)).text();
		return { canonical: attribute(html, /<link rel="canonical" href="([^"]*)"/), robots: attribute(html, /<meta name="robots" content="([^"]*)"/) };
	};
	expect(await head('/en/programmes')).toEqual({ canonical: `${baseURL}/en/programmes`, robots: null });
	// Parameters that change nothing (default order, first page, unknown ones) do not make another page.
	expect(await head('/en/programmes?sort=deadline&page=1&utm_source=mail&level=wizardry')).toEqual({ canonical: `${baseURL}/en/programmes`, robots: null });
	const filtered = { canonical: `${baseURL}/en/programmes?country=CN&level=bachelor&level=master`, robots: 'noindex, follow' };
	expect(await head('/en/programmes?level=master&country=cn&level=bachelor')).toEqual(filtered);
	expect(await head('/en/programmes?country=CN&level=bachelor&level=master&level=master&field=')).toEqual(filtered);
	expect(await head('/ru/scholarships')).toEqual({ canonical: `${baseURL}/ru/scholarships`, robots: null });
	expect(await head('/ru/scholarships?nationality=kz&covers=travel&covers=stipend')).toEqual({
		canonical: `${baseURL}/ru/scholarships?covers=stipend&covers=travel&nationality=KZ`,
		robots: 'noindex, follow'
	});
	// The documents library follows the finders' rule; a page past the last is the last one (here the only one).
	expect(await head('/en/documents')).toEqual({ canonical: `${baseURL}/en/documents`, robots: null });
	expect(await head('/en/documents?language=ru&kind=guide&page=1')).toEqual({ canonical: `${baseURL}/en/documents?kind=guide&language=ru`, robots: 'noindex, follow' });
	expect(await head('/en/documents?page=999')).toEqual({ canonical: `${baseURL}/en/documents`, robots: null });
	const search = await head('/zh/search?q=%E5%90%8C%E6%B5%8E');
	expect(search.robots).toContain('noindex');
	expect(search.canonical).toBe(`${baseURL}/zh/search?q=%E5%90%8C%E6%B5%8E`);
});

test('the home page advertises the news feed', async ({ page, request }) => {
	await page.goto('/kk');
	const feed = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
	await expect(feed).toHaveAttribute('href', '/kk/news/feed.xml');
	await expect(feed).toHaveAttribute('title', 'Жаңалықтар');
	const atom = await request.get('/kk/news/feed.xml');
	expect(atom.headers()['content-type']).toContain('application/atom+xml');
});

test("the planner's required selects start with an empty placeholder and an academic year stays preselected without JavaScript", async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/en/arrival-planner');
	for (const select of await page.locator('form.planner select[required]').all()) {
		await expect(select.locator('option').first()).toHaveAttribute('value', '');
	}
	await expect(page.locator('select[name="stay"]')).toHaveValue('300');
	await page.locator('select[name="institution"]').selectOption('enu');
	await page.locator('select[name="nationality"]').selectOption('IN');
	await page.locator('input[name="arrival"]').fill('2027-03-19');
	await page.locator('form.planner button[type="submit"]').click();
	await expect(page).toHaveURL(/stay=300/);
	await expect(page.locator('ol.timeline > li').first()).toBeVisible();
	// Sent without a length of stay, the form says so next to the field and does not pick one.
	await page.goto('/en/arrival-planner?institution=enu&nationality=IN&stay=&arrival=2027-03-19&housing=unknown');
	await expect(page.locator('select[name="stay"]')).toHaveValue('');
	await expect(page.locator('#f-stay-error')).toBeVisible();
	await context.close();
});
