import { describe, expect, it } from 'vitest';
import { safeNext } from './http';

const origin = 'https://welcome.example';

describe('where to go after signing in', () => {
	it('follows paths on this site', () => {
		expect(safeNext('/zh/workspace/tongji?x=1#top', '/en/account', origin)).toBe('/zh/workspace/tongji?x=1#top');
	});

	it('never leaves the site, however the address is disguised', () => {
		for (const hostile of ['//evil.example', '/\t/evil.example', '/\\evil.example', '/\\/evil.example', '/\n/evil.example', 'https://evil.example/', 'javascript:alert(1)', 'evil.example', '/%09/evil.example/..', '']) {
			const next = safeNext(hostile, '/en/account', origin);
			expect(new URL(next, origin).origin, JSON.stringify(hostile)).toBe(origin);
			expect(next, JSON.stringify(hostile)).not.toMatch(/[\t\r\n\0]/);
		}
	});

	it('gives a location a response header can carry', () => {
		for (const odd of ['/en/\r\nSet-Cookie: x=1', '/en/\0', '/en/привет']) {
			expect(() => new Headers({ location: safeNext(odd, '/en/account', origin) }), JSON.stringify(odd)).not.toThrow();
		}
	});
});
