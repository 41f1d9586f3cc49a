import type { ChartSpec } from '../../notebook/chart-spec';
import { chartCell, inputCell, sqlCell } from '../cell-fence';
import { funnelByBrandSql, funnelByCategorySql } from './funnel-by-label-sql';
import { funnelLeaksSql } from './funnel-leaks-sql';
import { FUNNEL_RATES, funnelBrandRatesSql, funnelCategoryRatesSql } from './funnel-rates-sql';
import { funnelStepsSql } from './funnel-steps-sql';

/** The input cell of top N, and the SQL expression that reads it. */
export const FUNNEL_TOP_N = 'funnel_top_n';
const TOP_N = `$${FUNNEL_TOP_N}`;

function ratesChart(data: string, label: string, title: string, marginLeft: number): ChartSpec {
	return {
		data,
		title,
		marginLeft,
		x: { label: 'step rate (%)', grid: true, zero: true },
		y: { label: null },
		color: { legend: true, domain: [...FUNNEL_RATES] },
		marks: [{ type: 'dot', x: 'pct', y: label, fill: 'step', r: 4, sort: { y: '-x' }, tip: true }]
	};
}

/** Section 4 of the Customer Intelligence notebook. */
export function funnelSection(): string {
	return [
		`## 4. Conversion funnel

How far users and sessions get along **view → cart → purchase**. Definitions:

- A user (or session) **reaches** a step when it has at least one event of that type: over
  the whole period for a user, within the session for a session.
- **Step rate** (\`pct_of_previous\`) = reached at this step / reached at the step before;
  \`pct_of_first\` = reached / reached at view.
- \`all_steps\` counts those that reached this step *and* every step before it, in any order. A
  purchase needs no cart event in this log, so at the purchase step \`all_steps\` can be well
  below \`reached\`.`,
		sqlCell('funnel_steps', funnelStepsSql()),
		chartCell('funnel_steps_chart', {
			data: 'funnel_steps',
			title: 'Users and sessions reaching each step',
			height: 240,
			marginLeft: 70,
			x: { label: 'reached', grid: true, tickFormat: '~s' },
			y: { label: null, domain: ['view', 'cart', 'purchase'] },
			fy: { label: null, domain: ['users', 'sessions'] },
			marks: [
				{ type: 'barX', x: 'reached', y: 'step', fy: 'unit', fill: 'steelblue', tip: true },
				{ type: 'ruleX', x: 0 }
			]
		}),
		`**Purchases without a cart event**: sessions with a purchase and no cart event, their share
of purchase sessions and the revenue they bring; and buyers who never had a cart event at all.`,
		sqlCell('funnel_leaks', funnelLeaksSql()),
		`### By category and brand

The funnel of the top N category codes and brands by product views (N is the input below).
These steps are counted in **events**, not users: the views, cart adds and purchase rows of
the products under each label (distinct users per category would need a pass over all
events). \`view_to_cart_pct\` = carts / views, \`cart_to_purchase_pct\` = purchases / carts (above
100% where purchases skip the cart), \`view_to_purchase_pct\` = purchases / views. Each product
counts under its latest non-NULL category code and brand; products without one are left out
(section 3 shows how many events they have).`,
		inputCell(FUNNEL_TOP_N, { type: 'number', value: 10, min: 1, max: 50, step: 1, label: 'Top N categories and brands' }),
		sqlCell('funnel_by_category', funnelByCategorySql({ topN: TOP_N })),
		sqlCell('funnel_category_rates', funnelCategoryRatesSql()),
		chartCell('funnel_category_chart', ratesChart('funnel_category_rates', 'category_code', 'Step rates of the top categories', 220)),
		sqlCell('funnel_by_brand', funnelByBrandSql({ topN: TOP_N })),
		sqlCell('funnel_brand_rates', funnelBrandRatesSql()),
		chartCell('funnel_brand_chart', ratesChart('funnel_brand_rates', 'brand', 'Step rates of the top brands', 110))
	].join('\n\n');
}
