/**
 * The `limit` pairs of basket_pairs with the highest lift, at least `minLift`. `pair` is the
 * chart's label, on two lines: A, then `+ B` (a table shows it on one).
 */
export function basketTopPairsSql(p: { minLift: string; limit: string }): string {
	return `SELECT item_a || chr(10) || '+ ' || item_b AS pair,
	baskets_ab, support, confidence_a_to_b, confidence_b_to_a, lift, item_a, item_b
FROM basket_pairs
WHERE lift >= ${p.minLift}
ORDER BY lift DESC, baskets_ab DESC, item_a, item_b
LIMIT ${p.limit}`;
}
