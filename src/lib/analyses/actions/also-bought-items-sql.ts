/** The cell (or table) listing the items a user can pick for "also bought". */
export const ALSO_BOUGHT_ITEMS = 'also_bought_items';

/**
 * Every item that was bought, at three levels, as a search input's choices: products (id,
 * brand and category code in the label), category codes and brands. `value` is
 * `level:item`, so picking a choice also picks its level. Most bought first, so an empty search
 * shows the biggest items and the first product is the default. Reads `products`.
 */
export function alsoBoughtItemsSql(): string {
	return `WITH bought AS (SELECT product_id, category_code, brand, purchases FROM products WHERE purchases > 0),
choices AS (
	SELECT 'product' AS level, CAST(product_id AS VARCHAR) AS item, CAST(purchases AS BIGINT) AS purchases,
		concat_ws(' · ', 'product ' || product_id, brand, category_code) AS name
	FROM bought
	UNION ALL
	SELECT 'category', category_code, CAST(sum(purchases) AS BIGINT), 'category ' || category_code
	FROM bought WHERE category_code IS NOT NULL GROUP BY category_code
	UNION ALL
	SELECT 'brand', brand, CAST(sum(purchases) AS BIGINT), 'brand ' || brand
	FROM bought WHERE brand IS NOT NULL GROUP BY brand
)
SELECT level || ':' || item AS value,
	name || ' (' || format('{:,}', purchases) || ' purchases)' AS label,
	level, item, purchases
FROM choices
ORDER BY purchases DESC, level, item`;
}
