import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Rich text is Markdown, rendered on the server to a small, safe HTML subset. Two locks:
 * markdown-it with `html: false` escapes any HTML the author types and refuses javascript:,
 * vbscript:, file: and most data: links; sanitize-html then keeps only the tags and attributes
 * below (and http(s)/mailto/tel links, site-relative paths, images from /media/ only),
 * whatever the first step let through.
 * markdown.test.ts feeds both a list of XSS payloads.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'a', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img'];
/** Images only from the platform's own media library (no tracking pixels, nothing from other hosts). */
const OWN_MEDIA = /^\/media\/[0-9a-f-]{36}\/[0-9a-z.]+$/;

const SANITIZE: sanitizeHtml.IOptions = {
	allowedTags: ALLOWED_TAGS,
	allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'loading'], ol: ['start'], th: ['style'], td: ['style'] },
	allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	allowedSchemesAppliedToAttributes: ['href', 'src'],
	exclusiveFilter: (frame) => frame.tag === 'img' && !OWN_MEDIA.test(frame.attribs.src ?? ''),
	allowProtocolRelative: false,
	disallowedTagsMode: 'escape',
	// Links that leave the platform open safely and tell search engines they are not endorsed.
	transformTags: {
		a: (tagName, attribs) => {
			const external = /^https?:\/\//i.test(attribs.href ?? '');
			return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer nofollow' } : attribs };
		},
		img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
		// A document's single h1 is the page title; authors' headings start one level below.
		h1: 'h2'
	},
	allowedClasses: {}
};

/**
 * The last texts rendered, by source: the same FAQ answers, descriptions and guide texts are
 * rendered on every view of their pages, and parsing plus sanitising costs more than the
 * page's queries. The output depends on the source alone, so an edit is a new key.
 */
class RenderedTexts {
	private readonly entries = new Map<string, string>();
	constructor(private readonly max: number) {}
	get(source: string, render: (source: string) => string) {
		let html = this.entries.get(source);
		if (html === undefined) {
			html = render(source);
			// Long texts are rare and would crowd the rest out.
			if (source.length <= 20_000) {
				this.entries.set(source, html);
				if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
			}
		}
		return html;
	}
}
const renderedHtml = new RenderedTexts(2_000);
const renderedText = new RenderedTexts(2_000);

/** Markdown → safe HTML for public pages. Empty input gives an empty string. */
export function renderMarkdown(source: string | null | undefined): string {
	if (!source?.trim()) return '';
	return renderedHtml.get(source, (text) => sanitizeHtml(markdown.render(text), SANITIZE));
}

/** Markdown → plain text (for summaries, search and meta descriptions). */
export function markdownToText(source: string | null | undefined): string {
	if (!source?.trim()) return '';
	return renderedText.get(source, (text) =>
		sanitizeHtml(markdown.render(text), { allowedTags: [], allowedAttributes: {} })
			.replace(/\s+/g, ' ')
			.trim()
	);
}
