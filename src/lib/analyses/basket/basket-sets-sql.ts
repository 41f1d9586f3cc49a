/** Baskets with more distinct items than this are left out of the computed (category, brand) levels. */
export const BASKET_MAX_ITEMS = 100;

/**
 * One row per (basket, item) at the chosen levels: `basket` is a session_id or a user_id, `item`
 * a product_id (as text), category_code or brand; rows without that label carry no item.
 * `basket_size` is the basket's number of distinct items; `counted` is false for baskets over
 * `maxItems` at the computed levels: k items make k(k-1)/2 pairs, so a reseller's user basket
 * would dominate the self-join. Product baskets are always counted, as purchase_pairs counted them.
 * Reads basket_items (one row per purchased product per session).
 */
export function basketSetsSql(p: { level: string; itemLevel: string; maxItems: string }): string {
	return `SELECT basket, item, basket_size,
	${p.itemLevel} = 'product' OR basket_size <= ${p.maxItems} AS counted
FROM (
	SELECT basket, item, count(*) OVER (PARTITION BY basket) AS basket_size
	FROM (
		SELECT DISTINCT
			CASE ${p.level} WHEN 'session' THEN session_id WHEN 'user' THEN user_id
				ELSE error('invalid basket level ' || ${p.level} || ': use session or user') END AS basket,
			CASE ${p.itemLevel} WHEN 'product' THEN CAST(product_id AS VARCHAR) WHEN 'category_code' THEN category_code WHEN 'brand' THEN brand
				ELSE error('invalid item level ' || ${p.itemLevel} || ': use product, category_code or brand') END AS item
		FROM basket_items
	)
	WHERE item IS NOT NULL
)`;
}
