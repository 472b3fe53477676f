import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache';

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
});
