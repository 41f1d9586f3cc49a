/**
 * The chart's rows: the `limit` phone brands with the most later accessories, among brands that
 * sell accessories (elsewhere expected is 0 and lift undefined).
 */
export function brandLoyaltyTopSql(p: { limit: string }): string {
	return `SELECT phone_brand, later_accessories, observed_share, expected_share, lift,
	coalesce(printf('lift %.1f', lift), '') AS lift_label
FROM brand_loyalty
WHERE later_accessories > 0 AND brand_accessories > 0
ORDER BY later_accessories DESC, phone_brand
LIMIT ${p.limit}`;
}
