import { chosenLevelsCte } from './chosen-levels-sql';

/**
 * One row describing the baskets at the chosen levels, from the store's basket_stats: total
 * baskets N (the denominator of support), baskets with two or more items, mean items per
 * basket, baskets left out by the item cap (and the cap), distinct items, and the minimum pair
 * count purchase_pairs was built with (store_build).
 */
export function basketSummarySql(p: { level: string; itemLevel: string }): string {
	return `WITH ${chosenLevelsCte(p)}
SELECT c.level AS basket_level,
	c.item_level,
	s.total_baskets,
	s.baskets_with_2_plus_items,
	round(s.avg_items_per_basket, 2) AS avg_items_per_basket,
	s.baskets_left_out,
	s.distinct_items,
	s.max_items AS max_basket_items,
	(SELECT max(min_pair_baskets) FROM store_build) AS stored_pair_min_baskets
FROM chosen c
LEFT JOIN basket_stats s ON s.level = c.level AND s.item_level = c.item_level`;
}
