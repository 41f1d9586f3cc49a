import type { ChartSpec } from '../../notebook/chart-spec';

/** Observed same-brand share as bars, the popularity-expected share as a tick on each bar. */
export function brandLoyaltyChart(): ChartSpec {
	return {
		data: 'brand_loyalty_top',
		title: 'Same-brand accessories: observed (bar) vs expected (red tick)',
		height: 340,
		marginLeft: 90,
		x: { label: 'later accessories in the phone’s brand (%)', percent: true, grid: true },
		y: { label: 'phone brand' },
		marks: [
			{ type: 'barX', x: 'observed_share', y: 'phone_brand', fill: '#4e79a7', sort: { y: '-x' }, tip: true },
			{ type: 'tickX', x: 'expected_share', y: 'phone_brand', stroke: '#e15759', strokeWidth: 3 },
			{ type: 'text', x: 'observed_share', y: 'phone_brand', text: 'lift_label', textAnchor: 'start', dx: 4 }
		]
	};
}
