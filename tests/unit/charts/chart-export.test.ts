import { describe, expect, it } from 'vitest';
import { chartFileName, composeSvg, escapeXml, needsResolving, pngSize, resolveCssVars, resolveDeclarations } from '../../../src/lib/charts/chart-export';

describe('chartFileName', () => {
	it('names the file after the cell, else the chart’s title, else "chart"', () => {
		expect(chartFileName('overview_dau_chart', 'Daily active users', 'svg')).toBe('overview_dau_chart.svg');
		expect(chartFileName(null, 'Revenue per day: raw / de-duplicated', 'png')).toBe('revenue-per-day-raw-de-duplicated.png');
		expect(chartFileName('', undefined, 'png')).toBe('chart.png');
		expect(chartFileName(undefined, ' ../.. ', 'svg')).toBe('chart.svg');
	});
});

describe('resolveCssVars', () => {
	const page: Record<string, string> = { '--text': ' rgb(230, 230, 230)', '--surface': 'rgb(20, 20, 20)' };
	const lookup = (name: string) => page[name] ?? '';

	it('replaces each var() by the page’s value, or by its fallback when the page has none', () => {
		expect(resolveCssVars('fill: var(--text); stroke: var(--surface)', lookup)).toBe('fill: rgb(230, 230, 230); stroke: rgb(20, 20, 20)');
		expect(resolveCssVars('var(--missing, rgb(1, 2, 3))', lookup)).toBe('rgb(1, 2, 3)');
		expect(resolveCssVars('var(--missing, var(--surface))', lookup)).toBe('rgb(20, 20, 20)');
		expect(resolveCssVars('no variables here', lookup)).toBe('no variables here');
	});

	it('leaves an unbalanced var( as written', () => {
		expect(resolveCssVars('fill: var(--text', lookup)).toBe('fill: var(--text');
	});
});

describe('resolveDeclarations', () => {
	it('replaces only the declarations that depend on the page with what the page computed', () => {
		const computed: Record<string, string> = { color: 'rgb(230, 230, 230)', background: 'rgba(0, 0, 0, 0)', fill: 'rgb(230, 230, 230)' };
		expect(resolveDeclarations('font-size: 11px; overflow: visible; color: var(--text); background: transparent; fill: currentColor;', (p) => computed[p] ?? ''))
			.toBe('font-size: 11px; overflow: visible; color: rgb(230, 230, 230); background: transparent; fill: rgb(230, 230, 230)');
	});

	it('drops a page-dependent declaration the page computes nothing for, rather than keep a dangling var()', () => {
		expect(resolveDeclarations('--plot-background: var(--surface); color: red', () => '')).toBe('color: red');
	});
});

describe('needsResolving', () => {
	it('finds currentColor in any case and var()', () => {
		expect(needsResolving('currentColor')).toBe(true);
		expect(needsResolving('CURRENTCOLOR')).toBe(true);
		expect(needsResolving('var(--plot-background)')).toBe(true);
		expect(needsResolving('#4269d0')).toBe(false);
		expect(needsResolving('url(#clip)')).toBe(false);
	});
});

describe('composeSvg', () => {
	const svg = composeSvg(
		[
			{ kind: 'text', x: 8, y: 17.333, text: 'Revenue <raw> & "dedup"', fill: 'rgb(230, 230, 230)', font: { family: '"Inter", system-ui', size: '14px', weight: '700', style: 'normal' } },
			{ kind: 'svg', x: 8, y: 30, width: 600, height: 200, markup: '<svg xmlns="http://www.w3.org/2000/svg" x="8" y="30"><g aria-label="line"/></svg>' }
		],
		{ width: 616, height: 238 },
		'rgb(20, 20, 20)'
	);

	it('is one SVG of the figure’s size on the chart’s background', () => {
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="616" height="238" viewBox="0 0 616 238">')).toBe(true);
		expect(svg).toContain('<rect width="100%" height="100%" fill="rgb(20, 20, 20)"/>');
		expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
	});

	it('writes the title as text in its colour and font, escaped, and the plot as it was serialised', () => {
		expect(svg).toContain('<text x="8" y="17.33" dominant-baseline="central" text-anchor="start" fill="rgb(230, 230, 230)" font-family="&quot;Inter&quot;, system-ui" font-size="14px" font-weight="700" xml:space="preserve">Revenue &lt;raw&gt; &amp; &quot;dedup&quot;</text>');
		expect(svg).toContain('<g aria-label="line"/>');
		// Text before plot: the order the figure shows them in.
		expect(svg.indexOf('<text')).toBeLessThan(svg.indexOf('aria-label="line"'));
	});

	it('escapes what XML needs escaped', () => {
		expect(escapeXml(`<a href='x'>&"`)).toBe('&lt;a href=&apos;x&apos;&gt;&amp;&quot;');
	});
});

describe('pngSize', () => {
	it('is the SVG’s size times the scale, rounded up, never empty', () => {
		expect(pngSize(616, 238.5, 2)).toEqual({ width: 1232, height: 477 });
		expect(pngSize(0, 0, 2)).toEqual({ width: 1, height: 1 });
	});
});
