import type { ChartSpec } from '../../notebook/chart-spec';

/**
 * Lift of the top pairs as lollipops from the independence line (lift 1) on a log scale, where
 * a lift of 1/2 and one of 2 sit equally far from it and a 100× pair does not flatten the rest.
 * Pair labels are two lines (A, then + B), so long category codes fit a 260 px margin.
 */
export function basketLiftChart(): ChartSpec {
	return {
		data: 'basket_top_pairs',
		title: 'Top pairs by lift',
		height: 620,
		marginLeft: 290,
		x: { type: 'log', label: 'lift (log scale; 1 = bought together as often as chance predicts)', grid: true },
		y: { label: null },
		marks: [
			{ type: 'ruleY', y: 'pair', x1: 1, x2: 'lift', stroke: '#4e79a7', strokeWidth: 2 },
			{ type: 'dot', x: 'lift', y: 'pair', fill: '#4e79a7', r: 4, sort: { y: '-x' }, tip: true },
			{ type: 'ruleX', x: 1, stroke: '#e15759' }
		]
	};
}
