/**
 * One row describing the baskets of basket_sets: total baskets N (the denominator of support),
 * baskets with two or more items, mean items per basket, baskets left out by the size cap,
 * distinct items, and the minimum pair count purchase_pairs was built with (store_build).
 */
export function basketSummarySql(p: { level: string; itemLevel: string }): string {
	return `WITH per_basket AS (
	SELECT basket, any_value(basket_size) AS items, bool_and(counted) AS counted
	FROM basket_sets
	GROUP BY basket
)
SELECT ${p.level} AS basket_level,
	${p.itemLevel} AS item_level,
	count(*) FILTER (WHERE counted) AS total_baskets,
	count(*) FILTER (WHERE counted AND items >= 2) AS baskets_with_2_plus_items,
	round(avg(items) FILTER (WHERE counted), 2) AS avg_items_per_basket,
	count(*) FILTER (WHERE NOT counted) AS baskets_left_out,
	(SELECT count(DISTINCT item) FROM basket_sets WHERE counted) AS distinct_items,
	(SELECT max(min_pair_baskets) FROM store_build) AS stored_pair_min_baskets
FROM per_basket`;
}
