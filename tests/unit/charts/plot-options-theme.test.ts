import { describe, expect, it } from 'vitest';
import { plotOptions } from '../../../src/lib/charts/plot-options';
import type { ChartSpec } from '../../../src/lib/notebook/chart-spec';
import type { ColumnInfo } from '../../../src/lib/data/value';

const columns: ColumnInfo[] = [
	{ name: 'x', type: 'INTEGER', kind: 'number' },
	{ name: 'y', type: 'INTEGER', kind: 'number' },
	{ name: 'v', type: 'DOUBLE', kind: 'number' }
];
const rows = [
	[1, 1, 0.5],
	[2, 1, 0.9]
];
const heatmap = (color: ChartSpec['color']): ChartSpec => ({ data: 'h', color, marks: [{ type: 'cell', x: 'x', y: 'y', fill: 'v' }] }) as ChartSpec;

describe('plotOptions on a dark page', () => {
	it('runs single-hue schemes from dark to bright, so the highest values stand out on a dark background', () => {
		expect(plotOptions(heatmap({ scheme: 'blues' }), columns, rows, 600, { dark: true }).color).toMatchObject({ scheme: 'blues', reverse: true });
		expect(plotOptions(heatmap({ scheme: 'Oranges', reverse: true }), columns, rows, 600, { dark: true }).color).toMatchObject({ reverse: false });
	});

	it('keeps multi-hue schemes, and every scheme on a light page, as written', () => {
		expect(plotOptions(heatmap({ scheme: 'viridis' }), columns, rows, 600, { dark: true }).color).not.toHaveProperty('reverse', true);
		expect(plotOptions(heatmap({ scheme: 'blues' }), columns, rows, 600, { dark: false }).color).not.toHaveProperty('reverse', true);
		expect(plotOptions(heatmap({ scheme: 'blues' }), columns, rows, 600).color).not.toHaveProperty('reverse', true);
	});

	it("draws text, axes and grid in the page's text colour, on no background of its own", () => {
		expect(plotOptions(heatmap(undefined), columns, rows, 600, { dark: true }).style).toMatchObject({ color: 'var(--text)', background: 'transparent' });
	});
});
