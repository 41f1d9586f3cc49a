import { describe, expect, it } from 'vitest';
import { isValueRef, markdownTree, safeHref, slug, textOf, type MdElement, type MdNode } from '../../../src/lib/markdown/markdown-tree';

const all = (nodes: MdNode[]): MdElement[] =>
	nodes.flatMap((n) => (typeof n === 'string' || isValueRef(n) ? [] : [n, ...all(n.children)]));

describe('markdownTree', () => {
	it('builds headings with slug ids, emphasis, code and lists', () => {
		const tree = markdownTree('# Revenue by day\n\nSome **bold** and `code`.\n\n- a\n- b\n');
		expect(tree[0]).toEqual({ tag: 'h1', attrs: { id: 'revenue-by-day' }, children: ['Revenue by day'] });
		expect(all(tree).map((e) => e.tag)).toEqual(['h1', 'p', 'strong', 'code', 'ul', 'li', 'li']);
		expect(all(tree).find((e) => e.tag === 'strong')?.children).toEqual(['bold']);
	});

	it('splits out ${cell.column} references in text, keeps them as written in code, and reads them back as text', () => {
		const [p] = markdownTree('At risk: ${rfm_At_Risk.at_risk_value} of **${x.y}**, not `${a.b}` nor ${1.x} or ${a}.') as MdElement[];
		expect(p.children[0]).toBe('At risk: ');
		expect(p.children[1]).toEqual({ ref: { cell: 'rfm_at_risk', column: 'at_risk_value' }, source: '${rfm_At_Risk.at_risk_value}' });
		expect(p.children[2]).toBe(' of ');
		expect((p.children[3] as MdElement).children).toEqual([{ ref: { cell: 'x', column: 'y' }, source: '${x.y}' }]);
		expect(all([p]).find((e) => e.tag === 'code')?.children).toEqual(['${a.b}']);
		expect(p.children.slice(4).join('')).toContain(' nor ${1.x} or ${a}.');
		expect(textOf(p)).toBe('At risk: ${rfm_At_Risk.at_risk_value} of ${x.y}, not ${a.b} nor ${1.x} or ${a}.');
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
