import { describe, expect, it } from 'vitest';
import { renderSitemap, renderSitemapIndex } from './sitemap';

describe('sitemaps', () => {
	it('lists each page in every locale with its hreflang alternates', () => {
		const xml = renderSitemap('https://w.example', [{ path: '/institutions/tongji', lastmod: '2026-11-28' }]);
		expect(xml.match(/<url>/g)).toHaveLength(4);
		expect(xml).toContain('<loc>https://w.example/kk/institutions/tongji</loc><lastmod>2026-11-28</lastmod>');
		expect(xml).toContain('hreflang="zh-Hans" href="https://w.example/zh/institutions/tongji"');
	});

	it('escapes what could break the XML', () => {
		expect(renderSitemap('https://w.example', [{ path: '/a?b=1&c=<2>' }])).toContain('/a?b=1&amp;c=&lt;2&gt;');
	});

	it('becomes an index of numbered files for large platforms', () => {
		expect(renderSitemapIndex('https://w.example', 3)).toContain('<loc>https://w.example/sitemaps/3.xml</loc>');
	});
});
