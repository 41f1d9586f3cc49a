import { chosenLevelsCte } from './chosen-levels-sql';

/**
 * Every unordered pair (item_a < item_b) bought together in at least `minPairs` baskets, with
 * baskets_ab, baskets_a, baskets_b, total_baskets, support, both confidences and lift. Each
 * ratio is one division of exact integers, so a lift of exactly 6/5 compares equal to 1.2.
 *
 * The store counted the pairs once at build: category and brand pairs in item_pairs (every
 * pair, baskets over the item cap left out), product pairs in purchase_pairs (labelled here
 * from products). A change of input only filters them.
 */
export function basketPairsSql(p: { level: string; itemLevel: string; minPairs: string }): string {
	return `WITH ${chosenLevelsCte(p)},
pairs AS (
	SELECT ip.item_a, ip.item_b, ip.baskets AS baskets_ab, ip.baskets_a, ip.baskets_b, ip.total_baskets
	FROM item_pairs ip
	JOIN chosen c ON ip.level = c.level AND ip.item_level = c.item_level
	WHERE ip.baskets >= ${p.minPairs}
	UNION ALL
	SELECT concat_ws(' ', pp.product_a, pa.brand, regexp_extract(pa.category_code, '[^.]+$')),
		concat_ws(' ', pp.product_b, pb.brand, regexp_extract(pb.category_code, '[^.]+$')),
		pp.baskets, pp.baskets_a, pp.baskets_b, pp.total_baskets
	FROM purchase_pairs pp
	JOIN chosen c ON pp.level = c.level AND c.item_level = 'product'
	LEFT JOIN products pa ON pa.product_id = pp.product_a
	LEFT JOIN products pb ON pb.product_id = pp.product_b
	WHERE pp.baskets >= ${p.minPairs}
)
SELECT item_a, item_b, baskets_ab, baskets_a, baskets_b, total_baskets,
	baskets_ab / total_baskets AS support,
	baskets_ab / baskets_a AS confidence_a_to_b,
	baskets_ab / baskets_b AS confidence_b_to_a,
	(baskets_ab::DOUBLE * total_baskets) / (baskets_a::DOUBLE * baskets_b) AS lift
FROM pairs
ORDER BY lift DESC, baskets_ab DESC, item_a, item_b`;
}
