import { describe, expect, it } from 'vitest';
import { markdownTree, safeHref, slug, textOf, type MdElement, type MdNode } from '../../../src/lib/markdown/markdown-tree';

const all = (nodes: MdNode[]): MdElement[] =>
	nodes.flatMap((n) => (typeof n === 'string' ? [] : [n, ...all(n.children)]));

describe('markdownTree', () => {
	it('builds headings with slug ids, emphasis, code and lists', () => {
		const tree = markdownTree('# Revenue by day\n\nSome **bold** and `code`.\n\n- a\n- b\n');
		expect(tree[0]).toEqual({ tag: 'h1', attrs: { id: 'revenue-by-day' }, children: ['Revenue by day'] });
		expect(all(tree).map((e) => e.tag)).toEqual(['h1', 'p', 'strong', 'code', 'ul', 'li', 'li']);
		expect(all(tree).find((e) => e.tag === 'strong')?.children).toEqual(['bold']);
	});

	it('keeps raw HTML as text, never as elements', () => {
		const tree = markdownTree('<img src=x onerror="alert(1)">\n\nhi <script>alert(2)</script> there');
		const tags = all(tree).map((e) => e.tag);
		expect(tags).not.toContain('img');
		expect(tags).not.toContain('script');
		expect(tree.map(textOf).join('')).toContain('<img src=x onerror="alert(1)">');
		expect(tree.map(textOf).join('')).toContain('<script>alert(2)</script>');
	});

	it('drops unsafe link targets and marks external links noopener', () => {
		const links = all(markdownTree('[a](javascript:alert(1)) [b](https://example.org) [c](#daily) [d](data:text/html,x)')).filter(
			(e) => e.tag === 'a'
		);
		// markdown-it already refuses javascript:/data: links (they stay text); safeHref is the second wall.
		expect(links.map((l) => l.attrs.href)).toEqual(['https://example.org', '#daily']);
		expect(links[0].attrs).toMatchObject({ rel: 'noopener noreferrer', target: '_blank' });
		expect(links[1].attrs).toEqual({ href: '#daily' });
	});

	it('does not load images from other origins', () => {
		const nodes = all(markdownTree('![chart](https://example.org/c.png) ![local](img/c.png)'));
		expect(nodes.filter((e) => e.tag === 'img').map((e) => e.attrs.src)).toEqual(['img/c.png']);
		expect(nodes.find((e) => e.attrs.class === 'md-image-blocked')?.children).toEqual(['[image: chart]']);
	});

	it('renders tables with alignment only from the allow-list', () => {
		const tags = all(markdownTree('| a | b |\n|--:|---|\n| 1 | 2 |\n'));
		expect(tags.find((e) => e.tag === 'th')?.attrs).toEqual({ align: 'right' });
	});
});

describe('helpers', () => {
	it('safeHref allows web, mail and in-page links only', () => {
		expect(safeHref(' JAVASCRIPT:alert(1)')).toBeNull();
		expect(safeHref('vbscript:x')).toBeNull();
		expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
		expect(safeHref('notes/other.md')).toBe('notes/other.md');
	});

	it('slug lower-cases and hyphenates', () => {
		expect(slug('RFM: Segments & Value!')).toBe('rfm-segments-value');
	});
});
