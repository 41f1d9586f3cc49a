import { quoteIdent, quoteString } from '../../data/sql';

/** The two step rates of the funnel cells, in the order the chart shows them. */
export const FUNNEL_RATES = ['view → cart', 'cart → purchase'] as const;

/** One row per (label, step rate) of an earlier funnel-by-label cell, for a dot chart. */
function funnelRatesSql(cell: 'funnel_by_category' | 'funnel_by_brand', label: 'category_code' | 'brand'): string {
	const column = quoteIdent(label);
	return `SELECT ${column}, views,
	unnest([1, 2]) AS step_no,
	unnest([${FUNNEL_RATES.map(quoteString).join(', ')}]) AS step,
	unnest([view_to_cart_pct, cart_to_purchase_pct]) AS pct
FROM ${quoteIdent(cell)}
ORDER BY views DESC, ${column}, step_no`;
}

/** Reads the funnel_by_category cell. */
export const funnelCategoryRatesSql = () => funnelRatesSql('funnel_by_category', 'category_code');
/** Reads the funnel_by_brand cell. */
export const funnelBrandRatesSql = () => funnelRatesSql('funnel_by_brand', 'brand');
