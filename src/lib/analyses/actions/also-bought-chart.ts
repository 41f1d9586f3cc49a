import type { ChartSpec } from '../../notebook/chart-spec';

/** The chosen item's 20 partners with the highest lift, as bars from 0 with the lift-1 line. */
export function alsoBoughtChart(): ChartSpec {
	return {
		data: 'also_bought',
		title: 'Also bought: partners with the highest lift',
		height: 460,
		marginLeft: 260,
		x: { label: 'lift (1 = bought together as often as chance predicts)', grid: true },
		y: { label: null },
		marks: [
			{ type: 'barX', x: 'lift', y: 'partner_label', fill: '#4e79a7', sort: { y: '-x', limit: 20 }, tip: true },
			{ type: 'ruleX', x: 1, stroke: '#e15759' }
		]
	};
}
