/** The three pairs of the market-basket section's top list with the highest lift, as one line. */
export function summaryPairsSql(p: { topPairs?: string } = {}): string {
	const top = p.topPairs ?? 'basket_top_pairs';
	return `SELECT count(*) AS pairs,
  string_agg(item_a || ' + ' || item_b || ' (lift ' || round(lift, 1) || ', ' || baskets_ab || ' baskets)', '; ' ORDER BY lift DESC, baskets_ab DESC) AS strongest
FROM (SELECT * FROM ${top} ORDER BY lift DESC, baskets_ab DESC, item_a, item_b LIMIT 3)`;
}
