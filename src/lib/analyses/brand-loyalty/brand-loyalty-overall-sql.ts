/**
 * All phone brands together: same-brand share of later accessories, against the share expected
 * from each brand's accessory popularity, weighted by that brand's later accessories.
 */
export function brandLoyaltyOverallSql(): string {
	return `SELECT sum(later_accessories) AS later_accessories,
	sum(same_brand) AS same_brand,
	sum(same_brand) / sum(later_accessories) AS observed_share,
	sum(later_accessories * brand_accessories) / (sum(later_accessories) * any_value(all_accessories)) AS expected_share,
	(sum(same_brand)::DOUBLE * any_value(all_accessories)) / sum(later_accessories * brand_accessories)::DOUBLE AS lift
FROM brand_loyalty
WHERE later_accessories > 0`;
}
