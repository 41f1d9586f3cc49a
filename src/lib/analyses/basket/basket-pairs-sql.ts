/**
 * Every unordered pair (item_a < item_b) bought together in at least `minPairs` baskets, with
 * baskets_ab, baskets_a, baskets_b, total_baskets, support, both confidences and lift. Each
 * ratio is one division of exact integers, so a lift of exactly 6/5 compares equal to 1.2.
 *
 * Product pairs come from the store's purchase_pairs (labelled from products); category and
 * brand pairs from a self-join of basket_sets per basket, over baskets of two or more items and
 * items that are themselves in at least `minPairs` baskets (a rarer item cannot be in a pair
 * that often). The join's state is the distinct (basket, item) rows and the distinct pairs; its
 * work is the sum of k(k-1)/2 over counted baskets, bounded by basket_sets' size cap.
 */
export function basketPairsSql(p: { level: string; itemLevel: string; minPairs: string }): string {
	return `WITH counted AS (
	SELECT basket, item, basket_size FROM basket_sets WHERE counted
),
item_baskets AS (
	SELECT item, count(*) AS baskets FROM counted GROUP BY item
),
total AS (
	SELECT count(DISTINCT basket) AS total_baskets FROM counted
),
frequent AS (
	SELECT c.basket, c.item
	FROM counted c JOIN item_baskets i ON i.item = c.item
	WHERE c.basket_size >= 2 AND i.baskets >= ${p.minPairs} AND ${p.itemLevel} <> 'product'
),
computed AS (
	SELECT a.item AS item_a, b.item AS item_b, count(*) AS baskets_ab
	FROM frequent a JOIN frequent b ON a.basket = b.basket AND a.item < b.item
	GROUP BY a.item, b.item
	HAVING count(*) >= ${p.minPairs}
),
pairs AS (
	SELECT c.item_a, c.item_b, c.baskets_ab, ia.baskets AS baskets_a, ib.baskets AS baskets_b, t.total_baskets
	FROM computed c
	JOIN item_baskets ia ON ia.item = c.item_a
	JOIN item_baskets ib ON ib.item = c.item_b
	CROSS JOIN total t
	UNION ALL
	SELECT concat_ws(' ', pp.product_a, pa.brand, regexp_extract(pa.category_code, '[^.]+$')),
		concat_ws(' ', pp.product_b, pb.brand, regexp_extract(pb.category_code, '[^.]+$')),
		pp.baskets, pp.baskets_a, pp.baskets_b, pp.total_baskets
	FROM purchase_pairs pp
	LEFT JOIN products pa ON pa.product_id = pp.product_a
	LEFT JOIN products pb ON pb.product_id = pp.product_b
	WHERE ${p.itemLevel} = 'product' AND pp.level = ${p.level} AND pp.baskets >= ${p.minPairs}
)
SELECT item_a, item_b, baskets_ab, baskets_a, baskets_b, total_baskets,
	baskets_ab / total_baskets AS support,
	baskets_ab / baskets_a AS confidence_a_to_b,
	baskets_ab / baskets_b AS confidence_b_to_a,
	(baskets_ab::DOUBLE * total_baskets) / (baskets_a::DOUBLE * baskets_b) AS lift
FROM pairs
ORDER BY lift DESC, baskets_ab DESC, item_a, item_b`;
}
