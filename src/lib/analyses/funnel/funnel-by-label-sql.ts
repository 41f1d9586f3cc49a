import { quoteIdent } from '../../data/sql';

/**
 * The funnel per category code (or brand), for the top N by views, from products (each
 * product under its latest non-NULL label; unlabelled products are left out). Steps are
 * counted in events, a product view, a cart add, a purchase row: distinct users per category
 * would need a pass over all events. Rates: carts / views, purchases / carts and
 * purchases / views, in %. `topN` is a SQL expression, e.g. '10' or '$funnel_top_n'.
 */
function funnelByLabelSql(label: 'category_code' | 'brand', p: { topN: string }): string {
	const column = quoteIdent(label);
	return `WITH by_label AS (
	SELECT ${column},
		count(*) AS products,
		sum(views)::BIGINT AS views,
		sum(carts)::BIGINT AS carts,
		sum(purchases)::BIGINT AS purchases,
		sum(revenue) AS revenue
	FROM products
	WHERE ${column} IS NOT NULL
	GROUP BY ${column}
)
SELECT ${column}, products, views, carts, purchases, revenue,
	round(100 * carts / nullif(views, 0), 2) AS view_to_cart_pct,
	round(100 * purchases / nullif(carts, 0), 2) AS cart_to_purchase_pct,
	round(100 * purchases / nullif(views, 0), 2) AS view_to_purchase_pct
FROM by_label
QUALIFY row_number() OVER (ORDER BY views DESC, ${column}) <= ${p.topN}
ORDER BY views DESC, ${column}`;
}

export const funnelByCategorySql = (p: { topN: string }) => funnelByLabelSql('category_code', p);
export const funnelByBrandSql = (p: { topN: string }) => funnelByLabelSql('brand', p);
