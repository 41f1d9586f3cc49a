import { quoteIdent, quoteString } from '../../data/sql';

/**
 * The `limit` category codes (or brands) with the most events, from products (each product
 * under its latest non-NULL label); products without one are grouped as `(no …)`. Ties go by
 * name. `limit` is a SQL expression, e.g. '15' or '$explorer_top_n'.
 */
function topByLabelSql(label: 'category_code' | 'brand', p: { limit: string }): string {
	const column = quoteIdent(label);
	return `WITH by_label AS (
	SELECT coalesce(${column}, ${quoteString(`(no ${label})`)}) AS ${column},
		count(*) AS products,
		sum(events)::BIGINT AS events,
		sum(views)::BIGINT AS views,
		sum(carts)::BIGINT AS carts,
		sum(purchases)::BIGINT AS purchases,
		sum(revenue) AS revenue
	FROM products
	GROUP BY 1
)
SELECT ${column}, products, events, round(100 * events / sum(events) OVER (), 2) AS events_pct,
	views, carts, purchases, revenue
FROM by_label
QUALIFY row_number() OVER (ORDER BY events DESC, ${column}) <= ${p.limit}
ORDER BY events DESC, ${column}`;
}

export const explorerTopCategoriesSql = (p: { limit: string }) => topByLabelSql('category_code', p);
export const explorerTopBrandsSql = (p: { limit: string }) => topByLabelSql('brand', p);
