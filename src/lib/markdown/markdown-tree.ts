// Markdown → a plain tree of allowed elements and text. The UI renders the tree with Svelte
// (text is always escaped), so nothing from a document ever reaches the DOM as raw HTML:
// raw HTML in the source shows as text, links are limited to safe schemes, and images from
// other origins are not loaded (the app makes no request off its own origin).
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

export type MdNode = string | MdElement | MdValueRef;
export interface MdElement {
	tag: AllowedTag;
	attrs: Record<string, string>;
	children: MdNode[];
}

/**
 * `${cell.column}` in prose: the value of `column` in the first row of the cell's result. The
 * tree only records the reference; the page fills it in from the cell's current state, so the
 * text never shows a number the cell no longer holds.
 */
export interface MdValueRef {
	ref: { cell: string; column: string };
	/** The reference as written, shown where no value can be. */
	source: string;
}

const VALUE_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Text with its `${cell.column}` references split out (code spans keep them as written). */
export function withValueRefs(text: string): MdNode[] {
	const nodes: MdNode[] = [];
	let last = 0;
	for (const m of text.matchAll(VALUE_REF)) {
		if (m.index > last) nodes.push(text.slice(last, m.index));
		nodes.push({ ref: { cell: m[1].toLowerCase(), column: m[2] }, source: m[0] });
		last = m.index + m[0].length;
	}
	if (last < text.length) nodes.push(text.slice(last));
	return nodes;
}

export const isValueRef = (node: MdNode): node is MdValueRef => typeof node !== 'string' && 'ref' in node;

const ALLOWED_TAGS = [
	'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'hr',
	'table', 'thead', 'tbody', 'tr', 'th', 'td', 'em', 'strong', 's', 'a', 'br', 'img', 'span'
] as const;
export type AllowedTag = (typeof ALLOWED_TAGS)[number];
const allowed = new Set<string>(ALLOWED_TAGS);

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Parses markdown into a safe element tree. */
export function markdownTree(source: string): MdNode[] {
	const root: MdElement = { tag: 'span', attrs: {}, children: [] };
	build(md.parse(source, {}), root);
	return root.children;
}

function build(tokens: Token[], root: MdElement): void {
	const stack: MdElement[] = [root];
	const top = () => stack[stack.length - 1];
	for (const token of tokens) {
		// Paragraphs inside tight lists are hidden: their text belongs to the list item.
		if (token.hidden && token.nesting !== 0) continue;
		if (token.nesting === 1) {
			const el = element(token);
			top().children.push(el);
			stack.push(el);
			if (token.type === 'heading_open') el.attrs.id = ''; // filled in when its text is known
			continue;
		}
		if (token.nesting === -1) {
			const closed = stack.length > 1 ? stack.pop()! : root;
			if (/^h[1-6]$/.test(closed.tag)) closed.attrs.id = slug(textOf(closed));
			continue;
		}
		switch (token.type) {
			case 'inline':
				build(token.children ?? [], top());
				break;
			case 'text':
				top().children.push(...withValueRefs(token.content));
				break;
			case 'html_inline':
			case 'html_block':
				top().children.push(token.content);
				break;
			case 'code_inline':
				top().children.push({ tag: 'code', attrs: {}, children: [token.content] });
				break;
			case 'code_block':
			case 'fence':
				top().children.push({
					tag: 'pre',
					attrs: {},
					children: [{ tag: 'code', attrs: languageOf(token), children: [token.content] }]
				});
				break;
			case 'softbreak':
				top().children.push('\n');
				break;
			case 'hardbreak':
				top().children.push({ tag: 'br', attrs: {}, children: [] });
				break;
			case 'hr':
				top().children.push({ tag: 'hr', attrs: {}, children: [] });
				break;
			case 'image':
				top().children.push(image(token));
				break;
			default:
				if (token.content) top().children.push(token.content);
		}
	}
}

function element(token: Token): MdElement {
	const tag = allowed.has(token.tag) ? (token.tag as AllowedTag) : 'span';
	const attrs: Record<string, string> = {};
	if (tag === 'a') {
		const href = safeHref(token.attrGet('href') ?? '');
		if (href) {
			attrs.href = href;
			if (!href.startsWith('#')) {
				attrs.rel = 'noopener noreferrer';
				attrs.target = '_blank';
			}
		}
	}
	if (tag === 'ol') {
		const start = Number(token.attrGet('start'));
		if (Number.isInteger(start) && start !== 1) attrs.start = String(start);
	}
	if (tag === 'th' || tag === 'td') {
		const style = token.attrGet('style') ?? '';
		const align = /text-align:\s*(left|right|center)/.exec(style)?.[1];
		if (align) attrs.align = align;
	}
	return { tag, attrs, children: [] };
}

/** Only web, mail and in-page links; anything else (javascript:, data:, vbscript:…) is dropped. */
export function safeHref(href: string): string | null {
	const trimmed = href.trim();
	if (trimmed.startsWith('#')) return trimmed;
	if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
	if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return null;
	return trimmed === '' ? null : trimmed;
}

function image(token: Token): MdNode {
	const src = token.attrGet('src') ?? '';
	const alt = token.children?.map((c) => c.content).join('') ?? token.content;
	// Same-origin relative images only: an absolute URL would be a request off our origin.
	if (src && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
		return { tag: 'img', attrs: { src, alt }, children: [] };
	}
	return { tag: 'span', attrs: { class: 'md-image-blocked', title: `image not loaded: ${src}` }, children: [`[image: ${alt}]`] };
}

function languageOf(token: Token): Record<string, string> {
	const lang = token.info.trim().split(/\s+/)[0];
	return lang && /^[\w-]+$/.test(lang) ? { class: `language-${lang}` } : {};
}

export function textOf(node: MdNode): string {
	if (typeof node === 'string') return node;
	return isValueRef(node) ? node.source : node.children.map(textOf).join('');
}

export function slug(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^\p{L}\p{N}\s-]/gu, '')
		.trim()
		.replace(/\s+/g, '-');
}
