import { describe, expect, it } from 'vitest';
import { Parser } from 'htmlparser2';
import { markdownToText, renderMarkdown } from './markdown';

/** Classic payloads (OWASP XSS filter evasion cheat sheet and Markdown-specific ones). */
const PAYLOADS = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<svg/onload=alert(1)>',
	'<iframe src="javascript:alert(1)"></iframe>',
	'<a href="javascript:alert(1)">click</a>',
	'[click](javascript:alert(1))',
	'[click](JaVaScRiPt:alert(1))',
	'[click](javascript&#58;alert(1))',
	'[click](&#106;avascript:alert(1))',
	'[click](vbscript:msgbox(1))',
	'[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'![x](javascript:alert(1))',
	'![x](x" onerror="alert(1))',
	'[x](https://example.org" onmouseover="alert(1))',
	'<div style="background:url(javascript:alert(1))">x</div>',
	'<body onload=alert(1)>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
	'<details open ontoggle=alert(1)>',
	'<<script>script>alert(1)<</script>/script>',
	'<a href="&#x6A;avascript:alert(1)">x</a>',
	'[x](//evil.example/steal)',
	'<form action="https://evil.example"><button>go</button></form>',
	'<object data="javascript:alert(1)"></object>',
	'<embed src="javascript:alert(1)">',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
	'<input autofocus onfocus=alert(1)>',
	'<style>@import "javascript:alert(1)";</style>',
	'`<script>alert(1)</script>`',
	'```\n<script>alert(1)</script>\n```',
	'<scr<script>ipt>alert(1)</script>',
	'[a](<javascript:alert(1)>)',
	'![pixel](https://tracker.example/p.gif)',
	'![x](/media/00000000-0000-0000-0000-000000000000/../../etc/passwd)',
	'![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'
];

const SAFE_TAGS = new Set(['p', 'br', 'strong', 'em', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'a', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img']);
const SAFE_ATTRIBUTES = new Set(['href', 'title', 'rel', 'start', 'style', 'src', 'alt', 'loading']);

/** Parses the output as a browser would and lists every problem: the real test, not a regex on text. */
function executableParts(html: string): string[] {
	const problems: string[] = [];
	const parser = new Parser({
		onopentag(name, attributes) {
			if (!SAFE_TAGS.has(name)) problems.push(`<${name}>`);
			for (const [attribute, value] of Object.entries(attributes)) {
				if (!SAFE_ATTRIBUTES.has(attribute)) problems.push(`${name}[${attribute}]`);
				if (attribute === 'href' && !/^(https?:|mailto:|tel:|\/(?!\/)|#)/i.test(value.trim())) problems.push(`href=${value}`);
				if (attribute === 'src' && !/^\/media\/[0-9a-f-]{36}\/[0-9a-z.]+$/.test(value)) problems.push(`src=${value}`);
				if (attribute === 'style' && !/^text-align:(left|right|center);?$/.test(value)) problems.push(`style=${value}`);
			}
		}
	}, { decodeEntities: true });
	parser.write(html);
	parser.end();
	return problems;
}

describe('Markdown rendering', () => {
	it('renders the Markdown editors use', () => {
		const html = renderMarkdown('# Welcome\n\nArrive **before** 1 September.\n\n- passport\n- visa\n\n[Guide](https://welcome.example/guide) and [our page](/en/countries/KZ)');
		expect(html).toContain('<h2>Welcome</h2>');
		expect(html).toContain('<strong>before</strong>');
		expect(html).toContain('<li>passport</li>');
		expect(html).toContain('<a href="https://welcome.example/guide" rel="noopener noreferrer nofollow">Guide</a>');
		expect(html).toContain('<a href="/en/countries/KZ">our page</a>');
	});

	it.each(PAYLOADS)('never lets anything executable through: %s', (payload) => {
		for (const source of [payload, `Text before\n\n${payload}\n\nafter`, `> ${payload}`, `- ${payload}`]) {
			const html = renderMarkdown(source);
			expect(executableParts(html), html).toEqual([]);
		}
	});

	it('the check itself finds executable markup', () => {
		expect(executableParts('<p><img src=x onerror=alert(1)></p><a href="javascript:alert(1)">x</a><iframe></iframe>')).toEqual(['src=x', 'img[onerror]', 'href=javascript:alert(1)', '<iframe>']);
	});

	it('shows images from the media library, lazily, and drops any other image', () => {
		const id = '3f1c9a52-8d7e-4b1a-9c3e-2a6b5d4e7f80';
		expect(renderMarkdown(`![Main building](/media/${id}/1280.jpg)`)).toBe(`<p><img src="/media/${id}/1280.jpg" alt="Main building" loading="lazy" /></p>\n`);
		expect(renderMarkdown('![pixel](https://tracker.example/p.gif)')).toBe('<p></p>\n');
	});

	it('shows typed HTML as text instead of dropping it silently', () => {
		expect(renderMarkdown('Use <b>bold</b>')).toBe('<p>Use &lt;b&gt;bold&lt;/b&gt;</p>\n');
	});

	it('gives plain text for summaries and search', () => {
		expect(markdownToText('## Title\n\nSome **bold** text and a [link](https://x.example).')).toBe('Title Some bold text and a link.');
		expect(markdownToText('')).toBe('');
	});
});
