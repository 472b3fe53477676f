import { describe, expect, it } from 'vitest';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { PageCache, preferredEncoding } from './page-cache';

const page = (text: string) => ({ status: 200, headers: [['content-type', 'text/html']] as [string, string][], body: new TextEncoder().encode(text) });

describe('the anonymous page cache', () => {
	it('serves a page until its time is up', () => {
		let now = 1_000;
		const cache = new PageCache(5_000, 10, () => now);
		cache.set('/en', page('home'));
		now += 4_999;
		expect(new TextDecoder().decode(cache.get('/en')!.body)).toBe('home');
		now += 1;
		expect(cache.get('/en')).toBeNull();
	});

	it('forgets everything when content changes', () => {
		const cache = new PageCache(5_000, 10);
		cache.set('/en', page('home'));
		cache.set('/ru', page('главная'));
		cache.invalidate();
		expect(cache.get('/en')).toBeNull();
		expect(cache.size).toBe(0);
	});

	it('drops the least recently used page when full', () => {
		const cache = new PageCache(5_000, 2);
		cache.set('/a', page('a'));
		cache.set('/b', page('b'));
		cache.get('/a');
		cache.set('/c', page('c'));
		expect(cache.get('/b')).toBeNull();
		expect(cache.get('/a')).not.toBeNull();
		expect(cache.get('/c')).not.toBeNull();
	});

	it('caches nothing with a zero time to live', () => {
		const cache = new PageCache(0, 10);
		cache.set('/en', page('home'));
		expect(cache.get('/en')).toBeNull();
	});

	it('answers revalidation with 304, HEAD without a body, and signed-in visitors not at all', () => {
		const cache = new PageCache(5_000, 10);
		cache.set('/en', { ...page('home'), headers: [['etag', '"abc"']] });
		expect(cache.answer('/en', 'GET', '"abc"')).toMatchObject({ status: 304, body: null });
		expect(cache.answer('/en', 'GET', '"old"')).toMatchObject({ status: 200 });
		expect(cache.answer('/en', 'HEAD', null)).toMatchObject({ status: 200, body: null });
		expect(cache.answer('/en', 'POST', null)).toBeNull();
		expect(cache.answerAnonymous('GET', '/en', 'locale=ru', null)).toMatchObject({ status: 200 });
		expect(cache.answerAnonymous('GET', '/en', 'welcome.session_token=x', null)).toBeNull();
	});

	it('sends a cached page compressed as the client accepts it, compressing it once per encoding', () => {
		const cache = new PageCache(5_000, 10);
		const html = '<p>Добро пожаловать</p>'.repeat(200);
		cache.set('/en', { ...page(html), headers: [['content-type', 'text/html'], ['etag', '"abc"'], ['vary', 'Cookie']] });
		const br = cache.answer('/en', 'GET', null, 'gzip, deflate, br')!;
		expect(br.headers).toContainEqual(['content-encoding', 'br']);
		expect(br.headers).toContainEqual(['vary', 'Cookie, Accept-Encoding']);
		expect(br.body!.byteLength).toBeLessThan(html.length / 5);
		expect(brotliDecompressSync(br.body!).toString()).toBe(html);
		expect(cache.answer('/en', 'GET', null, 'br')!.body).toBe(br.body);
		const gzip = cache.answer('/en', 'GET', null, 'gzip, br;q=0')!;
		expect(gzip.headers).toContainEqual(['content-encoding', 'gzip']);
		expect(gunzipSync(gzip.body!).toString()).toBe(html);
		const plain = cache.answer('/en', 'GET', null, 'identity')!;
		expect(plain.headers.some(([name]) => name === 'content-encoding')).toBe(false);
		expect(new TextDecoder().decode(plain.body!)).toBe(html);
		// Without an Accept-Encoding to honour (SvelteKit's own hook), the body as rendered.
		expect(cache.answer('/en', 'GET', null)!.headers).not.toContainEqual(['content-encoding', 'br']);
		expect(cache.answer('/en', 'GET', '"abc"', 'br')).toMatchObject({ status: 304, body: null });
	});

	it('leaves small bodies uncompressed and reads Accept-Encoding as browsers and proxies write it', () => {
		const cache = new PageCache(5_000, 10);
		cache.set('/small', page('tiny'));
		expect(cache.answer('/small', 'GET', null, 'br')!.headers.some(([name]) => name === 'content-encoding')).toBe(false);
		expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(preferredEncoding('GZIP')).toBe('gzip');
		expect(preferredEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
		expect(preferredEncoding('*')).toBe('gzip');
		expect(preferredEncoding('gzip;q=0, deflate')).toBeNull();
		expect(preferredEncoding('')).toBeNull();
		expect(preferredEncoding(null)).toBeNull();
	});
});
