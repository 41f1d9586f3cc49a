import { quoteString } from '../../data/sql';
import { ACCESSORY_CODES, PHONE_CODE } from './accessory-codes';

/**
 * Per phone brand X: of the accessories bought after each user's first X phone, the share in
 * brand X (observed), against brand X's share of all accessory purchases (expected), and
 * lift = observed / expected as one division of exact integers. Accessory purchases are
 * basket_items rows (one per session and product) with a brand; a user with phones of two
 * brands counts for each, from that brand's first phone. Reads basket_items only: phones and
 * accessories are a few percent of purchases, and the join is per user.
 */
export function brandLoyaltySql(codes: { phone: string; accessories: readonly string[] } = { phone: PHONE_CODE, accessories: ACCESSORY_CODES }): string {
	if (codes.accessories.length === 0) throw new Error('invalid accessories: empty list');
	return `WITH phones AS (
	SELECT user_id, brand AS phone_brand, min(purchased_at) AS phone_at
	FROM basket_items
	WHERE category_code = ${quoteString(codes.phone)} AND brand IS NOT NULL
	GROUP BY user_id, brand
),
accessories AS (
	SELECT user_id, brand, purchased_at
	FROM basket_items
	WHERE category_code IN (${codes.accessories.map(quoteString).join(', ')}) AND brand IS NOT NULL
),
popularity AS (
	SELECT brand, count(*) AS brand_accessories, sum(count(*)) OVER () AS all_accessories
	FROM accessories
	GROUP BY brand
),
later AS (
	SELECT p.phone_brand,
		count(DISTINCT p.user_id) AS accessory_buyers,
		count(*) AS later_accessories,
		count(*) FILTER (WHERE a.brand = p.phone_brand) AS same_brand
	FROM phones p JOIN accessories a ON a.user_id = p.user_id AND a.purchased_at > p.phone_at
	GROUP BY p.phone_brand
),
buyers AS (
	SELECT phone_brand, count(*) AS phone_buyers FROM phones GROUP BY phone_brand
)
SELECT b.phone_brand,
	b.phone_buyers,
	coalesce(l.accessory_buyers, 0) AS accessory_buyers,
	coalesce(l.later_accessories, 0) AS later_accessories,
	coalesce(l.same_brand, 0) AS same_brand,
	l.same_brand / l.later_accessories AS observed_share,
	coalesce(pop.brand_accessories, 0) AS brand_accessories,
	(SELECT count(*) FROM accessories) AS all_accessories,
	coalesce(pop.brand_accessories, 0) / (SELECT count(*) FROM accessories) AS expected_share,
	(l.same_brand::DOUBLE * pop.all_accessories) / (l.later_accessories::DOUBLE * pop.brand_accessories) AS lift
FROM buyers b
LEFT JOIN later l ON l.phone_brand = b.phone_brand
LEFT JOIN popularity pop ON pop.brand = b.phone_brand
ORDER BY later_accessories DESC, phone_buyers DESC, b.phone_brand`;
}
